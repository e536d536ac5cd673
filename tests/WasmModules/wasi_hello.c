// A wasm32-wasi command that uses each WASI call V8Host implements: args, environment, clock,
// random bytes, stdin, stdout, stderr and a non-zero exit code. Built by build.sh.
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

int main(int argc, char** argv) {
    printf("hello from wasi, args:");
    for (int i = 0; i < argc; i++)
        printf(" %s", argv[i]);
    const char* greeting = getenv("GREETING");
    printf("\nGREETING=%s\n", greeting ? greeting : "(unset)");

    unsigned char bytes[16];
    if (getentropy(bytes, sizeof bytes) != 0)
        return 10;
    int nonzero = 0;
    for (unsigned i = 0; i < sizeof bytes; i++)
        nonzero |= bytes[i];
    printf("random bytes: %s\n", nonzero ? "yes" : "all zero");

    struct timespec now;
    if (clock_gettime(CLOCK_REALTIME, &now) != 0)
        return 11;
    printf("clock after 2020: %s\n", now.tv_sec > 1577836800 ? "yes" : "no");

    char line[256];
    while (fgets(line, sizeof line, stdin))
        printf("echo: %s", line);
    fprintf(stderr, "done, exiting with 3\n");
    fflush(stdout);
    exit(3);
}

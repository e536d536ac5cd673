// Freestanding wasm32 module (no libc) for tests and benchmarks: exported functions, a host import,
// a memory, a mutable global and a trap. Built by build.sh.
typedef unsigned int uint32_t;
typedef unsigned char uint8_t;

// Imported from the host: env.inc(i32) -> i32.
__attribute__((import_module("env"), import_name("inc"))) int host_inc(int value);

__attribute__((export_name("add"))) int add(int a, int b) { return a + b; }

// Calls the host import n times: the cost of a wasm -> host call.
__attribute__((export_name("call_import"))) int call_import(int n) {
    int value = 0;
    for (int i = 0; i < n; i++)
        value = host_inc(value);
    return value;
}

// FNV-1a over [data, data + length): a compute kernel over memory the host fills.
__attribute__((export_name("hash"))) uint32_t hash(const uint8_t* data, uint32_t length) {
    uint32_t h = 2166136261u;
    for (uint32_t i = 0; i < length; i++) {
        h ^= data[i];
        h *= 16777619u;
    }
    return h;
}

// Where the host may write input: a static 1 MiB buffer inside the module's memory.
static uint8_t buffer[1 << 20];
__attribute__((export_name("buffer"))) uint8_t* buffer_address(void) { return buffer; }

// Division by zero traps (RuntimeError: divide by zero).
__attribute__((export_name("divide"))) int divide(int a, int b) { return a / b; }

namespace V8Host;

/// <summary>The WASI preview 1 error numbers <see cref="Wasi"/> returns (wasi_snapshot_preview1 <c>errno</c>).</summary>
internal static class WasiErrno
{
    public const int Success = 0;
    public const int BadFileDescriptor = 8;
    public const int Fault = 21;
    public const int Invalid = 28;
    public const int IO = 29;
    public const int InvalidSeek = 70;
}

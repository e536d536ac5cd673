namespace V8Host;

/// <summary>A snapshot of an isolate's V8 heap, in bytes.</summary>
/// <param name="TotalHeapSize">Memory V8 has reserved for the heap.</param>
/// <param name="TotalHeapSizeExecutable">The part of the heap reserved for executable code.</param>
/// <param name="TotalPhysicalSize">Committed physical memory of the heap.</param>
/// <param name="TotalAvailableSize">Memory still available before the heap limit.</param>
/// <param name="UsedHeapSize">Memory used by live and not yet collected objects.</param>
/// <param name="HeapSizeLimit">The heap limit V8 enforces.</param>
/// <param name="ExternalMemory">Memory held outside the heap by heap objects (for example ArrayBuffer contents).</param>
public sealed record HeapStatistics(
    long TotalHeapSize,
    long TotalHeapSizeExecutable,
    long TotalPhysicalSize,
    long TotalAvailableSize,
    long UsedHeapSize,
    long HeapSizeLimit,
    long ExternalMemory);

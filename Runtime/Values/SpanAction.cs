namespace V8Host;

/// <summary>
/// A callback given the live bytes of a JavaScript ArrayBuffer or view
/// (<see cref="JsArrayBuffer.WithSpan(SpanAction)"/>, <see cref="JsTypedArray.WithSpan(SpanAction)"/>).
/// A <see cref="Span{T}"/> cannot be a type argument of <see cref="Action{T}"/>, hence this type.
/// </summary>
/// <param name="bytes">
/// The bytes themselves, not a copy: writes are seen by script. Valid only until the callback returns,
/// and the callback must not call into the context (that throws <see cref="InvalidOperationException"/>).
/// </param>
public delegate void SpanAction(Span<byte> bytes);

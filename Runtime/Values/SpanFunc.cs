namespace V8Host;

/// <summary>
/// A callback given the live bytes of a JavaScript ArrayBuffer or view that returns a result
/// (<see cref="JsArrayBuffer.WithSpan{TResult}(SpanFunc{TResult})"/>, <see cref="JsTypedArray.WithSpan{TResult}(SpanFunc{TResult})"/>).
/// A <see cref="Span{T}"/> cannot be a type argument of <see cref="Func{T, TResult}"/>, hence this type.
/// </summary>
/// <param name="bytes">
/// The bytes themselves, not a copy: writes are seen by script. Valid only until the callback returns,
/// and the callback must not call into the context (that throws <see cref="InvalidOperationException"/>).
/// </param>
/// <typeparam name="TResult">What the callback returns.</typeparam>
/// <returns>The callback's result, returned by <c>WithSpan</c>.</returns>
public delegate TResult SpanFunc<out TResult>(Span<byte> bytes);

using Microsoft.ClearScript;

namespace V8Host;

/// <summary>
/// Base class of every .NET-held reference to a JavaScript object.
/// </summary>
/// <remarks>
/// A handle is a validated id into its context's handle table, never a raw engine pointer: disposing
/// the context releases every handle created in it, and any later use of a handle throws
/// <see cref="ObjectDisposedException"/>. Handles may be disposed or finalized in any order, before
/// or after their context.
/// </remarks>
public abstract class JsHandle : IDisposable
{
    private readonly long _id;

    private protected JsHandle(Context context, long id)
    {
        Context = context;
        _id = id;
    }

    /// <summary>The context this handle belongs to.</summary>
    public Context Context { get; }

    /// <summary>Whether this handle and its context are still alive.</summary>
    public bool IsAlive => Context.IsHandleAlive(_id);

    internal long Id => _id;

    /// <summary>Releases the JavaScript object this handle keeps alive. Safe to call more than once, and after the context is gone.</summary>
    public void Dispose()
    {
        Context.ReleaseHandle(_id);
        GC.SuppressFinalize(this);
    }

    /// <summary>Finalizers never touch the engine: the release is queued and applied by the context's next operation.</summary>
    ~JsHandle() => Context.QueueRelease(_id);

    /// <summary>Runs <paramref name="action"/> on the engine with this handle's live target, validating the handle first.</summary>
    private protected T Use<T>(string member, Func<ScriptObject, T> action) =>
        Context.UseHandle(this, member, action);

    private protected void Use(string member, Action<ScriptObject> action) =>
        Context.UseHandle<object?>(this, member, target =>
        {
            action(target);
            return null;
        });

    /// <inheritdoc />
    public override string ToString() => IsAlive ? Use("ToString", target => Context.Bridge.DisplayString(target)) : $"{GetType().Name} (disposed)";
}

using System.Globalization;
using System.Numerics;
using V8Host.Engine;

namespace V8Host;

/// <summary>
/// A WebAssembly global (<see cref="WasmInstance.GetGlobal"/>): i32 is <c>int</c>, i64 <c>long</c>,
/// f32 <c>float</c>, f64 <c>double</c>.
/// </summary>
public sealed class WasmGlobal : IDisposable
{
    private readonly WasmValueType _type;

    internal WasmGlobal(Context context, JsObject global, string name, WasmValueType type, bool mutable)
    {
        Context = context;
        Handle = global;
        Name = name;
        _type = type;
        IsMutable = mutable;
    }

    /// <summary>The context the global lives in.</summary>
    public Context Context { get; }

    /// <summary>The export name the global was obtained under.</summary>
    public string Name { get; }

    /// <summary>Whether the global may be set (declared <c>mut</c>).</summary>
    public bool IsMutable { get; }

    /// <summary>The value type as text (<c>i32</c>, <c>i64</c>, <c>f32</c>, <c>f64</c>).</summary>
    public string ValueType => _type.Text;

    /// <summary>Whether the global and its context are alive.</summary>
    public bool IsAlive => Handle.IsAlive;

    internal JsObject Handle { get; }

    internal WasmValueType Type => _type;

    /// <summary>
    /// The global's current value, boxed as its .NET type. Setting converts any .NET number that the
    /// type holds exactly (an <c>int</c> into an i64 global, a <c>long</c> within range into i32, any
    /// number into f32/f64).
    /// </summary>
    /// <exception cref="InvalidOperationException">Set on an immutable global.</exception>
    /// <exception cref="ArgumentException">The value is not a number the global's type holds.</exception>
    public object? Value
    {
        get
        {
            const string operation = "WasmGlobal.Value";
            return Context.Run(operation, _ =>
            {
                var value = Context.Bridge.Wasm.GlobalGet(Context.Resolve(Handle, operation));
                return _type.Kind switch
                {
                    WasmValueKind.I32 => (object)Convert.ToInt32(value, CultureInfo.InvariantCulture),
                    WasmValueKind.I64 => (long)(BigInteger)value,
                    WasmValueKind.F32 => (float)Convert.ToDouble(value, CultureInfo.InvariantCulture),
                    _ => Convert.ToDouble(value, CultureInfo.InvariantCulture),
                };
            });
        }
        set
        {
            const string operation = "WasmGlobal.Value";
            if (!IsMutable)
                throw new InvalidOperationException($"{operation}: global '{Name}' is immutable ({_type.Text}); only globals declared mut can be set.");
            var engineValue = ToEngine(value);
            Context.Run<object?>(operation, _ =>
            {
                Context.Bridge.Wasm.GlobalSet(Context.Resolve(Handle, operation), engineValue);
                return null;
            });
        }
    }

    /// <summary>Releases the .NET handle on the global.</summary>
    public void Dispose() => Handle.Dispose();

    /// <inheritdoc />
    public override string ToString() => $"WasmGlobal '{Name}' ({(IsMutable ? "mut " : string.Empty)}{_type.Text})";

    private object ToEngine(object? value)
    {
        try
        {
            return (_type.Kind, value) switch
            {
                (_, null) => throw new ArgumentNullException(nameof(value), $"WasmGlobal.Value: global '{Name}' ({_type.Text}) cannot be set to null."),
                (WasmValueKind.I32, int or short or sbyte or byte or ushort or uint or long or ulong) => checked(Convert.ToInt32(value, CultureInfo.InvariantCulture)),
                (WasmValueKind.I64, int or short or sbyte or byte or ushort or uint or long or ulong) => new BigInteger(Convert.ToInt64(value, CultureInfo.InvariantCulture)),
                (WasmValueKind.I64, BigInteger big) when big >= long.MinValue && big <= long.MaxValue => big,
                (WasmValueKind.F32, float or double or int or long or short or sbyte or byte or ushort or uint or ulong) => (double)Convert.ToSingle(value, CultureInfo.InvariantCulture),
                (WasmValueKind.F64, float or double or int or long or short or sbyte or byte or ushort or uint or ulong) => Convert.ToDouble(value, CultureInfo.InvariantCulture),
                _ => throw new ArgumentException($"WasmGlobal.Value: global '{Name}' is {_type.Text}; a {value.GetType().Name} ({value}) cannot be stored in it.", nameof(value)),
            };
        }
        catch (OverflowException overflow)
        {
            throw new ArgumentException($"WasmGlobal.Value: {value} is out of range for global '{Name}' ({_type.Text}).", nameof(value), overflow);
        }
    }
}

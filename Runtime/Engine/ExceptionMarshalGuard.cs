using System.Linq.Expressions;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Microsoft.ClearScript.V8;

namespace V8Host.Engine;

/// <summary>
/// Keeps a thrown JavaScript value from crashing the process inside ClearScript.
/// </summary>
/// <remarks>
/// When script throws, ClearScript's native side reads the thrown value's <c>hostException</c>
/// property (through proxy traps and getters) and hands the result to a managed callback that casts
/// it to <see cref="Exception"/>. That callback runs on a reverse P/Invoke frame, so the
/// InvalidCastException from <c>throw { hostException: 5 }</c>, a thrown Proxy or a revoked Proxy
/// cannot unwind and ends the process. A classic script's top level is the outermost JS frame, so no
/// glue can catch the value first.
/// <para>
/// The guard replaces the two affected entries of ClearScript's native-to-managed method table
/// (ScheduleScriptEngineException, ScheduleScriptInterruptedException) with thunks that first check
/// that the value can be marshalled, reset it to <c>undefined</c> when it cannot, and then call
/// ClearScript's own method. Each entry is identified by the name of the managed method behind it
/// before it is replaced, so a ClearScript whose internals differ is refused with a clear error
/// instead of being patched blindly. This is the one place V8Host depends on ClearScript internals
/// (docs/security.md, "The exception marshaller").
/// </para>
/// </remarks>
internal static unsafe class ExceptionMarshalGuard
{
    private static readonly object s_gate = new();
    private static IntPtr s_table;
    private static IntPtr s_originalEngineException;
    private static IntPtr s_originalInterruptedException;
    private static Func<IntPtr, object?>? s_decode;
    private static Action<IntPtr>? s_setUndefined;
    private static Func<object?, Exception?>? s_marshal;

    /// <summary>Installs the guard once per ClearScript method table; call after the first engine exists.</summary>
    /// <exception cref="InvalidOperationException">The ClearScript assembly is not the layout V8Host was built against.</exception>
    public static void EnsureInstalled()
    {
        lock (s_gate)
        {
            var managed = ClearScriptType("Microsoft.ClearScript.V8.SplitProxy.V8SplitProxyManaged");
            var table = (IntPtr)managed.GetProperty("MethodTable", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;
            if (table == s_table)
                return;

            var delegates = (IntPtr)managed.GetField("pDelegatePtrs", BindingFlags.NonPublic | BindingFlags.Static)!.GetValue(null)!;
            var getHostObject = ClearScriptType("Microsoft.ClearScript.V8.V8ProxyHelpers")
                .GetMethods(BindingFlags.Public | BindingFlags.Static)
                .FirstOrDefault(m => m.Name == "GetHostObject" && !m.IsGenericMethod && m.GetParameters() is [{ ParameterType: var p }] && p == typeof(IntPtr))
                ?? throw Unsupported("V8ProxyHelpers.GetHostObject is missing");
            int SlotOf(string method)
            {
                for (var slot = 0; slot < 64; slot++)
                {
                    var handle = Marshal.ReadIntPtr(delegates, slot * IntPtr.Size);
                    if (handle != IntPtr.Zero && getHostObject.Invoke(null, new object[] { handle }) is Delegate d && d.Method.Name == method)
                        return slot;
                }

                throw Unsupported($"no method-table entry for {method}");
            }

            var engineSlot = SlotOf("ScheduleScriptEngineException");
            var interruptedSlot = SlotOf("ScheduleScriptInterruptedException");
            CreateAccessors();

            s_originalEngineException = Marshal.ReadIntPtr(table, engineSlot * IntPtr.Size);
            s_originalInterruptedException = Marshal.ReadIntPtr(table, interruptedSlot * IntPtr.Size);
            delegate* unmanaged[Stdcall]<IntPtr, IntPtr, IntPtr, byte, byte, IntPtr, IntPtr, void> engineThunk = &ScheduleScriptEngineException;
            delegate* unmanaged[Stdcall]<IntPtr, IntPtr, IntPtr, byte, byte, IntPtr, IntPtr, void> interruptedThunk = &ScheduleScriptInterruptedException;
            Marshal.WriteIntPtr(table, engineSlot * IntPtr.Size, (IntPtr)engineThunk);
            Marshal.WriteIntPtr(table, interruptedSlot * IntPtr.Size, (IntPtr)interruptedThunk);
            s_table = table;
        }
    }

    [UnmanagedCallersOnly(CallConvs = new[] { typeof(CallConvStdcall) })]
    private static void ScheduleScriptEngineException(IntPtr engineName, IntPtr message, IntPtr stackTrace, byte isFatal, byte executionStarted, IntPtr scriptException, IntPtr innerException)
    {
        Sanitize(innerException);
        ((delegate* unmanaged[Stdcall]<IntPtr, IntPtr, IntPtr, byte, byte, IntPtr, IntPtr, void>)s_originalEngineException)(
            engineName, message, stackTrace, isFatal, executionStarted, scriptException, innerException);
    }

    [UnmanagedCallersOnly(CallConvs = new[] { typeof(CallConvStdcall) })]
    private static void ScheduleScriptInterruptedException(IntPtr engineName, IntPtr message, IntPtr stackTrace, byte isFatal, byte executionStarted, IntPtr scriptException, IntPtr innerException)
    {
        Sanitize(innerException);
        ((delegate* unmanaged[Stdcall]<IntPtr, IntPtr, IntPtr, byte, byte, IntPtr, IntPtr, void>)s_originalInterruptedException)(
            engineName, message, stackTrace, isFatal, executionStarted, scriptException, innerException);
    }

    /// <summary>Leaves a marshallable inner exception alone; anything else becomes <c>undefined</c>.</summary>
    private static void Sanitize(IntPtr value)
    {
        try
        {
            s_marshal!(s_decode!(value));
            return;
        }
        catch (Exception)
        {
            // Not an Exception host object: the script put something of its own there.
        }

        try
        {
            s_setUndefined!(value);
        }
        catch (Exception)
        {
            // Nothing more can be done without throwing across the native frame.
        }
    }

    private static void CreateAccessors()
    {
        var v8Value = ClearScriptType("Microsoft.ClearScript.V8.SplitProxy.V8Value");
        var ptr = v8Value.GetNestedType("Ptr", BindingFlags.Public | BindingFlags.NonPublic) ?? throw Unsupported("V8Value.Ptr is missing");
        var get = v8Value.GetMethod("Get", BindingFlags.Public | BindingFlags.Static, new[] { ptr }) ?? throw Unsupported("V8Value.Get is missing");
        var setUndefined = v8Value.GetMethod("SetUndefined", BindingFlags.NonPublic | BindingFlags.Static, new[] { ptr }) ?? throw Unsupported("V8Value.SetUndefined is missing");
        var marshal = ClearScriptType("Microsoft.ClearScript.V8.V8ProxyHelpers")
            .GetMethod("MarshalExceptionToHost", BindingFlags.Public | BindingFlags.Static, new[] { typeof(object) }) ?? throw Unsupported("MarshalExceptionToHost is missing");

        var pointer = Expression.Parameter(typeof(IntPtr), "pointer");
        var asPtr = Expression.Convert(pointer, ptr);
        s_decode = Expression.Lambda<Func<IntPtr, object?>>(Expression.Call(get, asPtr), pointer).Compile();
        s_setUndefined = Expression.Lambda<Action<IntPtr>>(Expression.Call(setUndefined, asPtr), pointer).Compile();
        var value = Expression.Parameter(typeof(object), "value");
        s_marshal = Expression.Lambda<Func<object?, Exception?>>(Expression.Call(marshal, value), value).Compile();
    }

    private static Type ClearScriptType(string name) =>
        typeof(V8ScriptEngine).Assembly.GetType(name) ?? throw Unsupported($"{name} is missing");

    private static InvalidOperationException Unsupported(string detail) =>
        new($"V8Host cannot protect this ClearScript build ({typeof(V8ScriptEngine).Assembly.GetName().Version}) against hostile thrown values: {detail}. Use the Microsoft.ClearScript.V8 version V8Host was built with.");
}

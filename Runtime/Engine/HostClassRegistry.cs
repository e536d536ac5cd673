using System.Collections;
using Microsoft.ClearScript;
using Microsoft.ClearScript.V8.FastProxy;
using V8Host.Binding;

namespace V8Host.Engine;

/// <summary>
/// The host classes defined in one context and their instances. Each .NET instance that reaches JS
/// gets an id (its index in the instance table); the JS object keeps the id in a private field and
/// member calls pass it as a plain number, which costs nothing to marshal. One live .NET instance has
/// one JS object per context.
/// </summary>
/// <remarks>
/// The table holds an instance only while its JS object is alive: the glue keeps JS objects weakly
/// and reports collected ones through a FinalizationRegistry, and the id is released. Ids are never
/// reused, so a late release cannot remove an instance that was handed to JS again under a new id.
/// The release arrives from V8's own task runner, hence the lock.
/// </remarks>
internal sealed class HostClassRegistry
{
    private readonly Context _context;
    // The class index is the class's position in the glue's adopters (the order of Define).
    private readonly Dictionary<Type, (ScriptObject Adopt, int Index)> _adopters = new();
    private readonly Dictionary<Type, bool> _listsOfHostObjects = new();

    // Every host-call result and .NET -> JS argument asks ClassOf its type: walking the base types costs
    // a lookup per level. Both caches start over whenever a class is defined.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<Type, (ScriptObject Adopt, int Index)?> _classOfType = new();

    // The already-known instances of the last transfer, until the glue has read it: V8 may run the
    // registry's cleanup (a release) between .NET writing an id and the glue reading it, and the
    // glue then asks for the instance again under a new id (Renew).
    private readonly List<(int Id, object Instance)> _inTransfer = new();
    private readonly Dictionary<int, object> _instances = new();
    private readonly Dictionary<object, int> _ids = new(ReferenceEqualityComparer.Instance);
    private int _nextId;

    public HostClassRegistry(Context context) => _context = context;

    /// <summary>Number of .NET instances currently reachable from JS (for leak tests).</summary>
    internal int LiveInstanceCount
    {
        get
        {
            lock (_instances)
                return _instances.Count;
        }
    }

    public bool IsEmpty => _adopters.Count == 0;

    public void Define(HostClassBinding binding)
    {
        if (_adopters.ContainsKey(binding.Type))
            throw new InvalidOperationException($"The host class {binding.Name} ({binding.Type.Name}) is already defined in this context.");
        if (_adopters.Count == 0)
        {
            _context.Bridge.SetHostObjectRelease(
                new V8FastHostFunction("release", (bool _, in V8FastArgs args, in V8FastResult _) => Release(args.GetInt32(0))),
                new V8FastHostFunction("renew", (bool _, in V8FastArgs args, in V8FastResult result) => result.Set(Renew(args.GetInt32(0)))));
        }

        var members = _context.Bridge.NewArray();
        foreach (var member in binding.Members)
        {
            var entry = _context.Bridge.NewArray();
            _context.Bridge.Append(entry, member.Name);
            _context.Bridge.Append(entry, member.IsStatic);
            _context.Bridge.Append(entry, member.IsMethod);
            _context.Bridge.Append(entry, MemberFunction(binding, member, member.Invoke));
            _context.Bridge.Append(entry, member.Setter is { } setter ? MemberFunction(binding, member, setter) : null);
            _context.Bridge.Append(entry, member.Length);
            _context.Bridge.Append(entry, member.ByteArguments);
            _context.Bridge.Append(members, entry);
        }

        var constructor = binding.Constructor;
        var construct = _context.HostCalls.CreateFastFunction(binding.Name, (in V8FastArgs args, in V8FastResult result) =>
        {
            if (constructor is null)
                throw new ConversionException(JsErrorKind.TypeError, $"{binding.Name} has no public constructor; instances come from .NET.");
            result.Set(Register(constructor(new HostArgs(_context, args, 0))));
        });

        var (jsClass, adopt) = _context.Bridge.DefineClass(binding.Name, binding.ConstructorLength, construct, members, _context.HostCalls.TakeError);
        _context.Bridge.DefineGlobal(binding.Name, jsClass);
        _adopters[binding.Type] = (adopt, _adopters.Count);
        _classOfType.Clear();
        _listsOfHostObjects.Clear();
    }

    /// <summary>The JS object for a .NET instance of a defined class, created on first use.</summary>
    public bool TryGetJsObject(object instance, out ScriptObject jsObject)
    {
        int? known;
        lock (_instances)
            known = _ids.TryGetValue(instance, out var id) ? id : null;

        // Alive in JS: the same object. Collected but not yet released: a new object under a new id.
        if (known is { } liveId && _context.Bridge.HostObjectOf(liveId) is { } existing)
        {
            jsObject = existing;
            return true;
        }

        if (ClassOf(instance.GetType()) is not { } hostClass)
        {
            jsObject = null!;
            return false;
        }

        jsObject = (ScriptObject)hostClass.Adopt.Invoke(false, Register(instance));
        return true;
    }

    /// <summary>Whether <paramref name="type"/> (or a base type) is a host class of this context: it crosses by reference, never as plain data.</summary>
    public bool IsDefined(Type type) => ClassOf(type) is not null;

    /// <summary>
    /// How many transfer-buffer slots <paramref name="value"/> takes as an argument of a guarded call
    /// (<see cref="Bridge.BindCall"/>): 4 for a host object, 2 + 2 × count for a list of them (which JS
    /// gets as a new Array, as a result would); 0 for every other value, and for a list that does not
    /// fit in <paramref name="room"/> slots.
    /// </summary>
    public int ArgumentSlots(object? value, int room)
    {
        if (value is null || IsEmpty)
            return 0;
        var type = value.GetType();
        if (ClassOf(type) is not null)
            return room >= 4 ? 4 : 0;
        if (!IsListOfHostObjects(type))
            return 0;
        var slots = 2 + 2L * ((IList)value).Count;
        return slots <= room ? (int)slots : 0;
    }

    /// <summary>
    /// Writes the objects to the transfer buffer and returns what the host call's result stands for,
    /// when <paramref name="value"/> is a host object or a list of them (which JS gets as a new Array,
    /// as types.md copies read-only collections); otherwise <see cref="ResultKind.None"/> and nothing written.
    /// </summary>
    public ResultKind TransferResult(object value)
    {
        if (IsEmpty)
            return ResultKind.None;
        var type = value.GetType();
        _inTransfer.Clear();
        if (ClassOf(type) is { } hostClass)
        {
            var slots = _context.Bridge.Transfer.Int32s(3);
            slots[0] = 1;
            WriteHostObject(value, hostClass.Index, slots[1..]);
            return ResultKind.HostObject;
        }

        if (!IsListOfHostObjects(type))
            return ResultKind.None;
        var items = (IList)value;
        if (1 + 2L * items.Count > TransferBuffer.MaxBytes / 4)
            return ResultKind.None;
        WriteHostObjects(items, _context.Bridge.Transfer.Int32s(1 + 2 * items.Count));
        return ResultKind.HostObjects;
    }

    /// <summary>
    /// Writes the host objects and lists of them among <paramref name="args"/> (those with
    /// <paramref name="byTransfer"/> set, <paramref name="slotCount"/> slots in all: <see cref="ArgumentSlots"/>)
    /// to the transfer buffer in order, as [index, -1, id, class] or [index, count, id, class …], for a
    /// guarded call (<see cref="Bridge.BindCall"/>); their places in the engine arguments stay null.
    /// Returns how many it wrote (<see cref="TransferBuffer.TransferredArguments"/>).
    /// </summary>
    public int TransferArguments(object?[] args, bool[] byTransfer, int slotCount)
    {
        var slots = _context.Bridge.Transfer.Int32s(slotCount);
        _inTransfer.Clear();
        var slot = 0;
        var count = 0;
        for (var i = 0; i < args.Length; i++)
        {
            if (!byTransfer[i])
                continue;
            var arg = args[i]!;
            slots[slot] = i;
            if (ClassOf(arg.GetType()) is { } hostClass)
            {
                slots[slot + 1] = -1;
                WriteHostObject(arg, hostClass.Index, slots.Slice(slot + 2, 2));
                slot += 4;
            }
            else
            {
                var items = (IList)arg;
                WriteHostObjects(items, slots.Slice(slot + 1, 1 + 2 * items.Count));
                slot += 2 + 2 * items.Count;
            }

            count++;
        }

        return count;
    }

    // [count, id, class, id, class …]: what Bootstrap.js hostObjectsAt reads; a null element is id 0.
    private void WriteHostObjects(IList items, Span<int> slots)
    {
        slots[0] = items.Count;
        for (var i = 0; i < items.Count; i++)
        {
            var slot = slots.Slice(1 + 2 * i, 2);
            if (items[i] is { } item)
                WriteHostObject(item, ClassOf(item.GetType())!.Value.Index, slot);
            else
                slot[0] = 0;
        }
    }

    /// <summary>Forgets the last transfer once the call that made it has ended (it was read long before).</summary>
    public void EndTransfer() => _inTransfer.Clear();

    /// <summary>
    /// The instance's id, negated when it was registered just now (the glue then creates its JS object
    /// without looking), and the class index the glue would create a JS object with.
    /// </summary>
    private void WriteHostObject(object instance, int classIndex, Span<int> slot)
    {
        int id;
        lock (_instances)
        {
            if (_ids.TryGetValue(instance, out id))
            {
                _inTransfer.Add((id, instance));
            }
            else
            {
                id = -Register(instance);
            }
        }

        slot[0] = id;
        slot[1] = classIndex;
    }

    // A list (List<T>, T[], ReadOnlyCollection<T> …: indexable) whose element type is a host class;
    // other sequences take the engine-call path.
    private bool IsListOfHostObjects(Type type)
    {
        if (!_listsOfHostObjects.TryGetValue(type, out var answer))
        {
            var elements = type.GetInterfaces().Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>)).ToArray();
            answer = typeof(IList).IsAssignableFrom(type) && elements.Length == 1 && ClassOf(elements[0].GetGenericArguments()[0]) is not null;
            _listsOfHostObjects[type] = answer;
        }

        return answer;
    }

    /// <summary>The .NET instance behind a JS object of a defined class, or null.</summary>
    public object? Unbox(ScriptObject value) =>
        IsEmpty || _context.Bridge.HostIdOf(value) is not { } id ? null : InstanceOf(id);

    private object? InstanceOf(int id)
    {
        lock (_instances)
            return _instances.TryGetValue(id, out var instance) ? instance : null;
    }

    private (ScriptObject Adopt, int Index)? ClassOf(Type type)
    {
        if (_classOfType.TryGetValue(type, out var known))
            return known;
        (ScriptObject Adopt, int Index)? found = null;
        for (Type? level = type; level is not null && found is null; level = level.BaseType)
        {
            if (_adopters.TryGetValue(level, out var hostClass))
                found = hostClass;
        }

        _classOfType[type] = found;
        return found;
    }

    /// <summary>A new id for a live instance whose JS object was collected before its release arrived: the release retires the old id.</summary>
    private int Renew(int id)
    {
        var instance = InstanceOf(id);
        for (var i = 0; instance is null && i < _inTransfer.Count; i++)
        {
            if (_inTransfer[i].Id == id)
                instance = _inTransfer[i].Instance;
        }

        return Register(instance ?? throw new InvalidOperationException($"Host object {id} was released before the glue read it."));
    }

    /// <summary>A fresh id for a JS object about to be created for <paramref name="instance"/>.</summary>
    private int Register(object instance)
    {
        lock (_instances)
        {
            var id = checked(++_nextId);
            _instances[id] = instance;
            _ids[instance] = id;
            return id;
        }
    }

    private void Release(int id)
    {
        lock (_instances)
        {
            if (_instances.Remove(id, out var instance) && _ids.TryGetValue(instance, out var current) && current == id)
                _ids.Remove(instance);
        }
    }

    /// <summary>
    /// One fast host function per member: methods receive the JS arguments as they are (an instance
    /// method's instance id comes through the transfer buffer); instance accessors receive the
    /// instance id first, which the <see cref="HostArgs"/> offset hides.
    /// </summary>
    private V8FastHostFunction MemberFunction(HostClassBinding binding, HostMemberBinding member, HostMemberInvoker invoke)
    {
        // Only methods stage byte arguments (Bootstrap.js stageBytes); accessors leave the buffer alone.
        if (member.IsStatic)
        {
            return member.IsMethod
                ? _context.HostCalls.CreateFastFunction(member.Name, (in V8FastArgs args, in V8FastResult result) =>
                    invoke(null, new HostArgs(_context, args, 0, _context.Bridge.Transfer.TakeStagedBytes(args.Count)), new HostResult(_context, result)))
                : _context.HostCalls.CreateFastFunction(member.Name, (in V8FastArgs args, in V8FastResult result) =>
                    invoke(null, new HostArgs(_context, args, 0), new HostResult(_context, result)));
        }

        var type = binding.Type;
        if (member.IsMethod)
        {
            return _context.HostCalls.CreateFastFunction(member.Name, (in V8FastArgs args, in V8FastResult result) =>
            {
                var staged = _context.Bridge.Transfer.TakeStagedBytes(args.Count);
                var instance = InstanceOf(_context.Bridge.Transfer.TakeInstanceId());
                invoke(Checked(instance), new HostArgs(_context, args, 0, staged), new HostResult(_context, result));
            });
        }

        return _context.HostCalls.CreateFastFunction(member.Name, (in V8FastArgs args, in V8FastResult result) =>
            invoke(Checked(InstanceOf(args.GetInt32(0))), new HostArgs(_context, args, 1), new HostResult(_context, result)));

        object Checked(object? instance) =>
            instance is not null && (instance.GetType() == type || type.IsInstanceOfType(instance))
                ? instance
                : throw new ConversionException(JsErrorKind.TypeError, $"{binding.Name}.{member.Name} was called on an object that is not a {binding.Name}.");
    }
}

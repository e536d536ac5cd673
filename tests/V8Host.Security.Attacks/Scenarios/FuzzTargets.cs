namespace V8Host.Security.Attacks.Scenarios;

/// <summary>Generated bindings with many parameter types: every member is called with every hostile value.</summary>
[HostClass]
public partial class FuzzTarget
{
    public int TakeInt(int value) => value;

    public long TakeLong(long value) => value;

    public double TakeDouble(double value) => value;

    public bool TakeBool(bool value) => value;

    public string TakeString(string value) => value;

    public int? TakeNullableInt(int? value) => value;

    public int TakeIntArray(int[] value) => value.Length;

    public int TakeStringList(List<string> value) => value.Count;

    public int TakeDictionary(Dictionary<string, int> value) => value.Count;

    public DateTime TakeDate(DateTime value) => value;

    public int TakeBytes(byte[] value) => value.Length;

    public object? TakeObject(object? value) => value;

    public int TakeJsObject(JsObject value) => value.Count;

    public int TakeJsArray(JsArray value) => value.Count;

    public object? TakeJsFunction(JsFunction value) => value.IsAlive;

    public string Echo(string first, int second = 0) => first + second;

    public string Name { get; set; } = "";

    public static double StaticDouble(double value) => value;
}

[HostProfile(typeof(FuzzTarget))]
public partial class FuzzProfile
{
}

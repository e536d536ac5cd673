using System.Text.Json;

namespace V8Host.Benchmarks.PlainData;

/// <summary>The JSON shape of the (d) variants: camelCase, as JS sees the orders.</summary>
public static class PlainDataJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);
}

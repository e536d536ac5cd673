namespace V8Host.Benchmarks.PlainData;

/// <summary>The JS the plain-data variants share.</summary>
public static class PlainDataScripts
{
    /// <summary>
    /// An expression evaluating to a function of <paramref name="parameters"/> that sums quantity × price
    /// over <paramref name="orders"/>, a JS expression evaluated on every call: <c>orders()</c> for a host
    /// function, <c>orders</c> for a host object, <c>JSON.parse(text)</c> for a JSON argument.
    /// <paramref name="count"/> is how the collections report their size: <c>length</c> for JS arrays,
    /// <c>Count</c> for .NET lists seen through ClearScript's or Jint's wrappers. The function is evaluated once in
    /// GlobalSetup, so parsing and compiling are not measured.
    /// </summary>
    public static string Sum(string parameters, string orders, string count) => $$"""
        (({{parameters}}) => {
            const list = {{orders}};
            let total = 0;
            for (let i = 0; i < list.{{count}}; i++) {
                const lines = list[i].lines;
                for (let j = 0; j < lines.{{count}}; j++)
                    total += lines[j].quantity * lines[j].price;
            }
            return total;
        })
        """;
}

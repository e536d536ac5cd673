namespace V8Host.Tests.Hosting.Web;

/// <summary>A context with the Web platform installed, for the encoding, crypto and Blob tests.</summary>
internal static class WebPlatformContext
{
    public static Context Create() => new Isolate().CreateContextBuilder().UseWebPlatform().Build();

    /// <summary>Evaluates <paramref name="source"/> in a fresh context and returns its string result.</summary>
    public static string Eval(string source)
    {
        using var context = Create();
        return context.Eval<string>(source);
    }

    /// <summary>Runs <paramref name="body"/> as an async function's body in a fresh context; returns the string it returns.</summary>
    public static async Task<string> EvalAsync(string body)
    {
        using var context = Create();
        return await EvalAsync(context, body);
    }

    /// <summary>Runs <paramref name="body"/> as an async function's body in <paramref name="context"/>; returns the string it returns.</summary>
    public static async Task<string> EvalAsync(Context context, string body)
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        return (string)(await context.EvalAsync("(async () => {\n" + body + "\n})()", cancel.Token))!;
    }
}

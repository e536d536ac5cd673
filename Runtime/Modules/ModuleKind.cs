namespace V8Host;

/// <summary>How a loaded module's source is evaluated.</summary>
public enum ModuleKind
{
    /// <summary>An ES module (<c>import</c>/<c>export</c>, top-level <c>await</c>).</summary>
    EcmaScript,

    /// <summary>A CommonJS module: the source runs inside Node's wrapper with <c>require</c>, <c>module</c>, <c>exports</c>, <c>__filename</c>, <c>__dirname</c>.</summary>
    CommonJS,

    /// <summary>A JSON document: its value is the default export (ESM) or <c>module.exports</c> (CommonJS).</summary>
    Json,

    /// <summary>
    /// A <c>.js</c> file whose package does not say (<c>package.json</c> has no <c>"type"</c>): CommonJS,
    /// unless the source only parses as an ES module (<c>import</c>/<c>export</c> statements,
    /// <c>import.meta</c>, top-level <c>await</c>), as Node 22's syntax detection decides.
    /// </summary>
    Detect,
}

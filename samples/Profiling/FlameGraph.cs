using System.Globalization;
using System.Security;
using System.Text;
using System.Text.Json;

/// <summary>
/// Draws a flame graph from <c>.cpuprofile</c> JSON: one box per call-tree node, its width the share of
/// samples spent in it and everything it called, callers below their callees (the root at the bottom).
/// </summary>
internal static class FlameGraph
{
    private const double Width = 1200;
    private const double RowHeight = 18;
    private const double MinimumBoxWidth = 0.5;

    private sealed record Node(string Name, string Location, long SelfHits, List<int> Children)
    {
        public long TotalHits { get; set; }
    }

    public static string Render(string cpuProfileJson, string title)
    {
        using var json = JsonDocument.Parse(cpuProfileJson);
        var nodes = new Dictionary<int, Node>();
        foreach (var element in json.RootElement.GetProperty("nodes").EnumerateArray())
        {
            var frame = element.GetProperty("callFrame");
            var name = frame.GetProperty("functionName").GetString() is { Length: > 0 } function ? function : "(anonymous)";
            var url = frame.TryGetProperty("url", out var u) ? u.GetString() : "";
            var line = frame.TryGetProperty("lineNumber", out var l) ? l.GetInt64() + 1 : 0;
            var children = element.TryGetProperty("children", out var c) ? c.EnumerateArray().Select(child => child.GetInt32()).ToList() : [];
            nodes[element.GetProperty("id").GetInt32()] = new Node(name, string.IsNullOrEmpty(url) ? "" : $"{Uri.UnescapeDataString(url)}:{line}", element.GetProperty("hitCount").GetInt64(), children);
        }
        var rootId = json.RootElement.GetProperty("nodes")[0].GetProperty("id").GetInt32();
        var depth = Total(nodes, rootId, 0);
        var rootTotal = Math.Max(1, nodes[rootId].TotalHits);

        var height = (depth + 2) * RowHeight + 30;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"""<svg xmlns="http://www.w3.org/2000/svg" width="{Width}" height="{height}" font-family="monospace" font-size="11">""").AppendLine();
        svg.Append(CultureInfo.InvariantCulture, $"""<text x="{Width / 2}" y="16" text-anchor="middle" font-size="14">{SecurityElement.Escape(title)} ({rootTotal} samples)</text>""").AppendLine();
        Draw(svg, nodes, rootId, 0, 0, Width / rootTotal, height - RowHeight);
        svg.AppendLine("</svg>");
        return svg.ToString();
    }

    // Fills in total hits (self plus descendants); returns the tree's depth below `id`.
    private static int Total(Dictionary<int, Node> nodes, int id, int level)
    {
        var node = nodes[id];
        var deepest = level;
        node.TotalHits = node.SelfHits;
        foreach (var child in node.Children)
        {
            deepest = Math.Max(deepest, Total(nodes, child, level + 1));
            node.TotalHits += nodes[child].TotalHits;
        }
        return deepest;
    }

    private static void Draw(StringBuilder svg, Dictionary<int, Node> nodes, int id, int level, double x, double scale, double bottom)
    {
        var node = nodes[id];
        var width = node.TotalHits * scale;
        if (width < MinimumBoxWidth)
            return;
        var y = bottom - (level + 1) * RowHeight;
        var label = node.Location.Length > 0 ? $"{node.Name} ({node.Location})" : node.Name;
        var tooltip = SecurityElement.Escape($"{label}: {node.TotalHits} samples, {node.SelfHits} in itself");
        svg.Append(CultureInfo.InvariantCulture, $"""<g><title>{tooltip}</title><rect x="{x:F1}" y="{y:F1}" width="{width:F1}" height="{RowHeight - 1}" fill="{Color(node.Name)}" rx="2"/>""");
        var fits = (int)((width - 6) / 7);
        if (fits >= 3)
            svg.Append(CultureInfo.InvariantCulture, $"""<text x="{x + 3:F1}" y="{y + RowHeight - 5:F1}">{SecurityElement.Escape(label.Length <= fits ? label : label[..(fits - 1)] + "…")}</text>""");
        svg.AppendLine("</g>");

        var childX = x;
        foreach (var child in node.Children)
        {
            Draw(svg, nodes, child, level + 1, childX, scale, bottom);
            childX += nodes[child].TotalHits * scale;
        }
    }

    // Warm colours, stable per function name, so the same function has the same colour in every graph.
    private static string Color(string name)
    {
        var hash = 0u;
        foreach (var c in name)
            hash = hash * 31 + c;
        return $"hsl({10 + hash % 40}, {60 + hash / 40 % 30}%, {55 + hash / 1200 % 20}%)";
    }
}

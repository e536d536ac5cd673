using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace V8Host.Profiling;

/// <summary>
/// Merges the segments of one recording, each a <c>.cpuprofile</c> of its own, into one
/// <c>.cpuprofile</c>. Nodes with the same path of call frames from the root become one node, with
/// their hit counts and position ticks summed. The samples stay in time order and point into that
/// single tree. Time deltas are recomputed from the absolute sample times, so the gaps between
/// segments stay where they were.
/// </summary>
internal static class CpuProfileMerger
{
    // Function names such as "(root)" or "<anonymous>" stay readable; the file is data, never HTML.
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The merged profile of <paramref name="segments"/>, in the order they were recorded.</summary>
    public static string Merge(IReadOnlyList<string> segments)
    {
        var documents = segments.Select(segment => JsonDocument.Parse(segment)).ToArray();
        try
        {
            var root = new Node();
            var samples = new List<(Node Node, long Time)>();
            foreach (var document in documents)
                Add(document.RootElement, root, samples);
            var first = documents[0].RootElement;
            var last = documents[^1].RootElement;
            return Write(root, samples, first.GetProperty("startTime").GetInt64(), last.GetProperty("endTime").GetInt64());
        }
        finally
        {
            foreach (var document in documents)
                document.Dispose();
        }
    }

    /// <summary>Adds one segment's call tree under <paramref name="root"/> and its samples, at absolute times, to <paramref name="samples"/>.</summary>
    private static void Add(JsonElement segment, Node root, List<(Node Node, long Time)> samples)
    {
        var nodes = segment.GetProperty("nodes").EnumerateArray().ToDictionary(node => node.GetProperty("id").GetInt64());
        var childIds = nodes.Values.SelectMany(Children).ToHashSet();
        var rootId = nodes.Keys.Single(id => !childIds.Contains(id));

        var merged = new Dictionary<long, Node>();
        var pending = new Queue<(long Id, Node Into)>();
        pending.Enqueue((rootId, root));
        while (pending.TryDequeue(out var next))
        {
            var source = nodes[next.Id];
            next.Into.Absorb(source);
            merged[next.Id] = next.Into;
            foreach (var childId in Children(source))
                pending.Enqueue((childId, next.Into.ChildFor(nodes[childId].GetProperty("callFrame"))));
        }

        if (!segment.TryGetProperty("samples", out var ids))
            return;
        var time = segment.GetProperty("startTime").GetInt64();
        using var deltas = segment.GetProperty("timeDeltas").EnumerateArray().GetEnumerator();
        foreach (var id in ids.EnumerateArray())
        {
            deltas.MoveNext();
            time += deltas.Current.GetInt64();
            samples.Add((merged[id.GetInt64()], time));
        }
    }

    private static IEnumerable<long> Children(JsonElement node) =>
        node.TryGetProperty("children", out var children) ? children.EnumerateArray().Select(child => child.GetInt64()) : [];

    private static string Write(Node root, List<(Node Node, long Time)> samples, long startTime, long endTime)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("nodes");

            // Numbered and written breadth first, as V8 does: the root comes first, where DevTools looks for it.
            var lastId = 0L;
            root.Id = ++lastId;
            var pending = new Queue<Node>([root]);
            while (pending.TryDequeue(out var node))
            {
                foreach (var child in node.Children)
                {
                    child.Id = ++lastId;
                    pending.Enqueue(child);
                }

                node.Write(writer);
            }

            writer.WriteEndArray();
            writer.WriteNumber("startTime", startTime);
            writer.WriteNumber("endTime", endTime);
            writer.WriteStartArray("samples");
            foreach (var sample in samples)
                writer.WriteNumberValue(sample.Node.Id);
            writer.WriteEndArray();
            writer.WriteStartArray("timeDeltas");
            var previous = startTime;
            foreach (var sample in samples)
            {
                writer.WriteNumberValue(sample.Time - previous);
                previous = sample.Time;
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>What makes two call frames the same function: the five fields of the format's <c>callFrame</c>.</summary>
    private readonly record struct FrameKey(string? FunctionName, string ScriptId, string? Url, int LineNumber, int ColumnNumber)
    {
        // V8 writes scriptId as a number, the DevTools protocol as a string: its text is the key.
        public static FrameKey Of(JsonElement callFrame) => new(
            callFrame.GetProperty("functionName").GetString(),
            callFrame.GetProperty("scriptId").GetRawText(),
            callFrame.GetProperty("url").GetString(),
            callFrame.GetProperty("lineNumber").GetInt32(),
            callFrame.GetProperty("columnNumber").GetInt32());
    }

    /// <summary>A node of the merged tree: the sum of the segments' nodes with its path.</summary>
    private sealed class Node
    {
        private readonly Dictionary<FrameKey, Node> _childrenByFrame = [];
        private readonly SortedDictionary<long, long> _ticksByLine = [];
        private JsonElement? _callFrame;
        private long _hitCount;
        private string? _deoptReason;

        /// <summary>The node's id in the merged profile, given as it is written.</summary>
        public long Id { get; set; }

        public List<Node> Children { get; } = [];

        /// <summary>The child for <paramref name="callFrame"/>, made if this node has none yet.</summary>
        public Node ChildFor(JsonElement callFrame)
        {
            var key = FrameKey.Of(callFrame);
            if (!_childrenByFrame.TryGetValue(key, out var child))
            {
                child = new Node();
                _childrenByFrame.Add(key, child);
                Children.Add(child);
            }

            return child;
        }

        /// <summary>Adds a segment's node with this node's path: its counts, and its frame if it is the first.</summary>
        public void Absorb(JsonElement source)
        {
            _callFrame ??= source.GetProperty("callFrame");
            _hitCount += source.GetProperty("hitCount").GetInt64();
            if (_deoptReason is null && source.TryGetProperty("deoptReason", out var reason))
                _deoptReason = reason.GetString();
            if (!source.TryGetProperty("positionTicks", out var positionTicks))
                return;
            foreach (var line in positionTicks.EnumerateArray())
            {
                var number = line.GetProperty("line").GetInt64();
                _ticksByLine[number] = _ticksByLine.GetValueOrDefault(number) + line.GetProperty("ticks").GetInt64();
            }
        }

        public void Write(Utf8JsonWriter writer)
        {
            writer.WriteStartObject();
            writer.WriteNumber("id", Id);
            writer.WritePropertyName("callFrame");
            _callFrame!.Value.WriteTo(writer);
            writer.WriteNumber("hitCount", _hitCount);
            if (Children.Count > 0)
            {
                writer.WriteStartArray("children");
                foreach (var child in Children)
                    writer.WriteNumberValue(child.Id);
                writer.WriteEndArray();
            }

            if (_deoptReason is not null)
                writer.WriteString("deoptReason", _deoptReason);
            if (_ticksByLine.Count > 0)
            {
                writer.WriteStartArray("positionTicks");
                foreach (var (line, ticks) in _ticksByLine)
                {
                    writer.WriteStartObject();
                    writer.WriteNumber("line", line);
                    writer.WriteNumber("ticks", ticks);
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
            }

            writer.WriteEndObject();
        }
    }
}

namespace V8Host.Security.Tests;

/// <summary>Scenarios that spend a lot of memory or measure the working set run one at a time.</summary>
[CollectionDefinition(Name)]
public sealed class MemoryHungry
{
    public const string Name = "Memory hungry";
}

// The binding rulebook (Shared/Binding) is shared with the generator and the analyzers.
global using V8Host.Shared.Binding;

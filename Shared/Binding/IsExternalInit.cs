#if !NET5_0_OR_GREATER
// Records and init accessors on netstandard2.0 need this marker type.
namespace System.Runtime.CompilerServices
{
    internal static class IsExternalInit
    {
    }
}
#endif

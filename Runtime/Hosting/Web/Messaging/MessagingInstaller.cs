using Microsoft.ClearScript;
using Microsoft.ClearScript.V8.FastProxy;

namespace V8Host.Hosting.Web;

/// <summary>
/// MessageChannel, MessagePort and MessageEvent. Messages are delivered by an event-loop task
/// (<see cref="Engine.EventLoop.Post"/>, never a timer, so no nesting clamp) that calls the glue's
/// <c>deliver</c> once per message: each call is an outermost call into V8, so each message is its own
/// task with a microtask checkpoint after it, without a thread-pool hop per message.
/// </summary>
internal static class MessagingInstaller
{
    public static void Install(WebGlue web)
    {
        var delivery = new Delivery(web.Context);
        var postTask = new V8FastHostFunction("postTask", (bool _, in V8FastArgs _, in V8FastResult _) => delivery.Request());
        delivery.Deliver = web.Context.Bridge.Pick(web.Load("MessageChannel", postTask), "deliver");
    }

    private sealed class Delivery(Context context)
    {
        // Messages delivered per event-loop task before other tasks get a turn.
        private const int Batch = 256;

        private bool _scheduled;

        // Set by a request that comes while a batch runs: the microtasks after a delivery (which run
        // before Invoke returns) may post the next message after `deliver` said there was none.
        private bool _requested;

        public ScriptObject Deliver { get; set; } = null!;

        // Called by the glue, on the context's thread, when its queue of ready messages becomes non-empty.
        public void Request()
        {
            _requested = true;
            if (_scheduled)
                return;
            _scheduled = true;
            context.EventLoop.Post(Run);
        }

        private void Run()
        {
            try
            {
                for (var i = 0; i < Batch; i++)
                {
                    _requested = false;
                    if (Deliver.Invoke(false) is not true && !_requested)
                    {
                        _scheduled = false;
                        return;
                    }
                }
            }
            catch
            {
                // Terminated mid-batch: the next Request posts afresh.
                _scheduled = false;
                throw;
            }
            context.EventLoop.Post(Run);
        }
    }
}

namespace V8Host.Tests.Hosting.Web;

/// <summary>
/// MessageChannel within one context: delivery in later tasks, in order, one task per message; the start
/// rules (onmessage starts a port, addEventListener does not); close; transfers of buffers and ports; and
/// the limits a hostile script meets.
/// </summary>
public sealed class MessageChannelTests : IDisposable
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(20);
    private readonly Context _context = new Isolate().CreateContextBuilder().UseWebPlatform().Build();

    public void Dispose() => _context.Dispose();

    private async Task<object?> EvalAsync(string code) => await _context.EvalAsync(code).WaitAsync(Generous);

    [Fact]
    public async Task MessagesArriveInOrderAfterTheCurrentTaskAndItsMicrotasks()
    {
        Assert.Equal("sync,microtask,a,b,c", await EvalAsync("""
            const log = [];
            const { port1, port2 } = new MessageChannel();
            const done = new Promise(resolve => {
                port2.onmessage = (e) => { log.push(e.data); if (e.data === 'c') resolve(); };
            });
            port1.postMessage('a'); port1.postMessage('b'); port1.postMessage('c');
            Promise.resolve().then(() => log.push('microtask'));
            log.push('sync');
            await done;
            log.join()
            """));
    }

    [Fact]
    public async Task EachMessageIsItsOwnTask()
    {
        // A microtask queued by the first message's listener runs before the second message.
        Assert.Equal("1,1-micro,2", await EvalAsync("""
            const log = [];
            const { port1, port2 } = new MessageChannel();
            const done = new Promise(resolve => {
                port2.onmessage = (e) => {
                    log.push(String(e.data));
                    if (e.data === 1) queueMicrotask(() => log.push('1-micro'));
                    else resolve();
                };
            });
            port1.postMessage(1); port1.postMessage(2);
            await done;
            log.join()
            """));
    }

    [Fact]
    public async Task AddEventListenerWaitsForStart()
    {
        Assert.Equal("0|1", await EvalAsync("""
            const { port1, port2 } = new MessageChannel();
            let received = 0;
            port2.addEventListener('message', () => received++);
            port1.postMessage('x');
            await new Promise(resolve => setTimeout(resolve, 20));
            const before = received;
            port2.start();
            await new Promise(resolve => setTimeout(resolve, 20));
            before + '|' + received
            """));
    }

    [Fact]
    public async Task CloseDropsLaterMessages()
    {
        Assert.Equal("0", await EvalAsync("""
            const { port1, port2 } = new MessageChannel();
            let received = 0;
            port2.onmessage = () => received++;
            port2.close();
            port1.postMessage('dropped');
            await new Promise(resolve => setTimeout(resolve, 20));
            String(received)
            """));
    }

    [Fact]
    public async Task TransferredBuffersAndPortsMove()
    {
        Assert.Equal("0|4|true|pong", await EvalAsync("""
            const { port1, port2 } = new MessageChannel();
            const inner = new MessageChannel();
            const buffer = new ArrayBuffer(4);
            const event = new Promise(resolve => port2.onmessage = resolve);
            port1.postMessage({ buffer, port: inner.port2 }, [buffer, inner.port2]);
            const e = await event;
            const reply = new Promise(resolve => inner.port1.onmessage = (m) => resolve(m.data));
            e.data.port.postMessage('pong');
            [buffer.byteLength, e.data.buffer.byteLength, e.ports[0] === e.data.port, await reply].join('|')
            """));
    }

    [Fact]
    public void BadTransfersAreDataCloneErrors()
    {
        Assert.Equal("DataCloneError|DataCloneError|DataCloneError", _context.Eval("""
            const { port1, port2 } = new MessageChannel();
            const names = [];
            for (const transfer of [[port1], [port2], [{}]]) {
                try { port1.postMessage(1, transfer); names.push('posted'); } catch (e) { names.push(e.name); }
            }
            names.join('|')
            """));
    }

    [Fact]
    public void PortsAreNotConstructibleAndBrandChecked()
    {
        Assert.Equal("Failed to construct 'MessagePort': Illegal constructor|Failed to execute 'postMessage' on 'MessagePort': Illegal invocation", _context.Eval("""
            const messages = [];
            try { new MessagePort(); } catch (e) { messages.push(e.message); }
            try { MessagePort.prototype.postMessage.call({}, 1); } catch (e) { messages.push(e.message); }
            messages.join('|')
            """));
    }

    [Fact]
    public async Task TwentyThousandMessagesAreAllDeliveredInOrder()
    {
        Assert.Equal("20000 true", await EvalAsync("""
            const { port1, port2 } = new MessageChannel();
            let received = 0;
            let inOrder = true;
            const done = new Promise(resolve => port2.onmessage = (e) => { inOrder &&= e.data === received; if (++received === 20000) resolve(); });
            for (let i = 0; i < 20000; i++) port1.postMessage(i);
            await done;
            received + ' ' + inOrder
            """));
    }

    [Fact]
    public async Task TamperedIntrinsicsDoNotChangeDelivery()
    {
        Assert.Equal("a,b", await EvalAsync("""
            const { port1, port2 } = new MessageChannel();
            const log = [];
            const done = new Promise(resolve => port2.onmessage = (e) => { log[log.length] = e.data; if (log.length === 2) resolve(); });
            Array.prototype.push = () => { throw new Error('push'); };
            Array.prototype.shift = () => { throw new Error('shift'); };
            Object.freeze = () => { throw new Error('freeze'); };
            globalThis.MessageEvent = function () { throw new Error('forged'); };
            port1.postMessage('a'); port1.postMessage('b');
            await done;
            delete Array.prototype.push;
            [log[0], log[1]].join()
            """));
    }
}

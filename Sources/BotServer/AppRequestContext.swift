import Hummingbird
import NIOCore

/// Every request's context: Hummingbird's basic one and the peer's address, which the board's
/// login limit per client counts by.
struct AppRequestContext: RequestContext, RemoteAddressRequestContext {
    var coreContext: CoreRequestContextStorage
    let remoteAddress: SocketAddress?

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress
    }
}

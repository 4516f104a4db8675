/// Multi-line traces as each runtime prints them: Java frames with `Caused by:`, Python tracebacks, Go panics
/// and goroutine dumps, Node stacks.
enum StackTraces {
    /// Library frames by the client that threw, innermost first.
    enum JavaLibrary {
        case feign, restTemplate, webClient, lettuce, hikari, jdbc, mysql, kafka, amqp, tomcat, none
    }

    /// A Java exception with frames and a `Caused by:` chain, as logback prints it after the message.
    static func java(
        _ exception: String, causes: [String] = [], library: JavaLibrary, service: SimulatedService,
        using rng: inout some RandomNumberGenerator
    ) -> [String] {
        var lines = [exception]
        lines += libraryFrames(library).map { "\tat \($0)" }
        let stem = service.typeStem
        let root = service.codeRoot
        let verb = rng.pick(["process", "handle", "create", "fetch", "submit", "update"])
        let appFrames = [
            "\(root).client.\(stem)Client.\(verb)(\(stem)Client.java:\(rng.int(40...220)))",
            "\(root).service.\(stem)Service.\(verb)\(stem)(\(stem)Service.java:\(rng.int(30...400)))",
            "\(root).service.\(stem)Service$$SpringCGLIB$$0.\(verb)\(stem)(<generated>)",
            "\(root).web.\(stem)Controller.\(verb)(\(stem)Controller.java:\(rng.int(20...160)))",
            "java.base/jdk.internal.reflect.DirectMethodHandleAccessor.invoke(DirectMethodHandleAccessor.java:103)",
            "java.base/java.lang.reflect.Method.invoke(Method.java:580)",
            "org.springframework.web.method.support.InvocableHandlerMethod.doInvoke(InvocableHandlerMethod.java:255)",
            "org.springframework.web.servlet.DispatcherServlet.doDispatch(DispatcherServlet.java:1089)",
        ]
        lines += appFrames.prefix(rng.int(3...appFrames.count)).map { "\tat \($0)" }
        for cause in causes {
            lines.append("Caused by: \(cause)")
            lines += causeFrames(for: cause).map { "\tat \($0)" }
            lines.append("\t... \(rng.int(8...60)) common frames omitted")
        }
        return lines
    }

    private static func libraryFrames(_ library: JavaLibrary) -> [String] {
        switch library {
        case .feign:
            return [
                "feign.FeignException.errorExecuting(FeignException.java:268)",
                "feign.SynchronousMethodHandler.executeAndDecode(SynchronousMethodHandler.java:131)",
                "feign.SynchronousMethodHandler.invoke(SynchronousMethodHandler.java:91)",
                "feign.ReflectiveFeign$FeignInvocationHandler.invoke(ReflectiveFeign.java:100)",
                "jdk.proxy2/jdk.proxy2.$Proxy142.charge(Unknown Source)",
            ]
        case .restTemplate:
            return [
                "org.springframework.web.client.RestTemplate.createResourceAccessException(RestTemplate.java:905)",
                "org.springframework.web.client.RestTemplate.doExecute(RestTemplate.java:885)",
                "org.springframework.web.client.RestTemplate.execute(RestTemplate.java:790)",
                "org.springframework.web.client.RestTemplate.postForObject(RestTemplate.java:481)",
            ]
        case .webClient:
            return [
                "org.springframework.web.reactive.function.client.ExchangeFunctions$DefaultExchangeFunction.lambda$wrapException$9(ExchangeFunctions.java:136)",
                "reactor.core.publisher.MonoErrorSupplied.subscribe(MonoErrorSupplied.java:55)",
                "reactor.core.publisher.Mono.subscribe(Mono.java:4512)",
                "reactor.core.publisher.BlockingSingleSubscriber.blockingGet(BlockingSingleSubscriber.java:97)",
            ]
        case .lettuce:
            return [
                "io.lettuce.core.RedisConnectionException.create(RedisConnectionException.java:78)",
                "io.lettuce.core.AbstractRedisClient.getConnection(AbstractRedisClient.java:350)",
                "io.lettuce.core.RedisClient.connect(RedisClient.java:216)",
                "org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory.getConnection(LettuceConnectionFactory.java:1234)",
                "org.springframework.data.redis.core.RedisTemplate.execute(RedisTemplate.java:406)",
            ]
        case .hikari:
            return [
                "com.zaxxer.hikari.pool.HikariPool.createTimeoutException(HikariPool.java:696)",
                "com.zaxxer.hikari.pool.HikariPool.getConnection(HikariPool.java:181)",
                "com.zaxxer.hikari.pool.HikariPool.getConnection(HikariPool.java:146)",
                "com.zaxxer.hikari.HikariDataSource.getConnection(HikariDataSource.java:100)",
                "org.springframework.jdbc.datasource.DataSourceUtils.fetchConnection(DataSourceUtils.java:160)",
            ]
        case .jdbc:
            return [
                "org.postgresql.core.v3.QueryExecutorImpl.receiveErrorResponse(QueryExecutorImpl.java:2733)",
                "org.postgresql.core.v3.QueryExecutorImpl.processResults(QueryExecutorImpl.java:2420)",
                "org.postgresql.jdbc.PgStatement.executeInternal(PgStatement.java:517)",
                "org.postgresql.jdbc.PgPreparedStatement.executeQuery(PgPreparedStatement.java:134)",
                "com.zaxxer.hikari.pool.HikariProxyPreparedStatement.executeQuery(HikariProxyPreparedStatement.java)",
                "org.hibernate.sql.results.jdbc.internal.DeferredResultSetAccess.executeQuery(DeferredResultSetAccess.java:246)",
            ]
        case .mysql:
            return [
                "com.mysql.cj.jdbc.exceptions.SQLError.createSQLException(SQLError.java:121)",
                "com.mysql.cj.jdbc.exceptions.SQLExceptionsMapping.translateException(SQLExceptionsMapping.java:122)",
                "com.mysql.cj.jdbc.ClientPreparedStatement.executeInternal(ClientPreparedStatement.java:916)",
                "com.mysql.cj.jdbc.ClientPreparedStatement.executeUpdateInternal(ClientPreparedStatement.java:1061)",
                "com.zaxxer.hikari.pool.HikariProxyPreparedStatement.executeUpdate(HikariProxyPreparedStatement.java)",
            ]
        case .kafka:
            return [
                "org.apache.kafka.clients.producer.KafkaProducer$FutureFailure.<init>(KafkaProducer.java:1449)",
                "org.apache.kafka.clients.producer.KafkaProducer.doSend(KafkaProducer.java:1091)",
                "org.apache.kafka.clients.producer.KafkaProducer.send(KafkaProducer.java:962)",
                "org.springframework.kafka.core.KafkaTemplate.doSend(KafkaTemplate.java:797)",
            ]
        case .amqp:
            return [
                "org.springframework.amqp.rabbit.support.RabbitExceptionTranslator.convertRabbitAccessException(RabbitExceptionTranslator.java:61)",
                "org.springframework.amqp.rabbit.connection.AbstractConnectionFactory.createBareConnection(AbstractConnectionFactory.java:612)",
                "org.springframework.amqp.rabbit.core.RabbitTemplate.doExecute(RabbitTemplate.java:2225)",
                "org.springframework.amqp.rabbit.core.RabbitTemplate.convertAndSend(RabbitTemplate.java:1056)",
            ]
        case .tomcat:
            return [
                "org.apache.tomcat.util.threads.ThreadPoolExecutor$AbortPolicy.rejectedExecution(ThreadPoolExecutor.java:2085)",
                "org.apache.tomcat.util.threads.ThreadPoolExecutor.reject(ThreadPoolExecutor.java:833)",
                "org.apache.tomcat.util.threads.ThreadPoolExecutor.execute(ThreadPoolExecutor.java:1373)",
                "org.apache.tomcat.util.net.AbstractEndpoint.processSocket(AbstractEndpoint.java:1273)",
            ]
        case .none:
            return []
        }
    }

    private static func causeFrames(for cause: String) -> [String] {
        if cause.hasPrefix("java.net.") || cause.contains("ConnectException") {
            return [
                "java.base/sun.nio.ch.Net.pollConnect(Native Method)",
                "java.base/sun.nio.ch.Net.pollConnectNow(Net.java:682)",
                "java.base/sun.nio.ch.NioSocketImpl.timedFinishConnect(NioSocketImpl.java:542)",
                "java.base/java.net.Socket.connect(Socket.java:751)",
            ]
        }
        if cause.contains("Timeout") || cause.contains("timed out") {
            return [
                "java.base/sun.nio.ch.NioSocketImpl.timedRead(NioSocketImpl.java:278)",
                "java.base/sun.nio.ch.NioSocketImpl.implRead(NioSocketImpl.java:304)",
                "java.base/java.net.Socket$SocketInputStream.read(Socket.java:1099)",
            ]
        }
        if cause.contains("Certificate") || cause.contains("cert") {
            return [
                "java.base/sun.security.provider.certpath.BasicChecker.verifyValidity(BasicChecker.java:190)",
                "java.base/sun.security.provider.certpath.BasicChecker.check(BasicChecker.java:144)",
                "java.base/sun.security.provider.certpath.PKIXMasterCertPathValidator.validate(PKIXMasterCertPathValidator.java:125)",
            ]
        }
        if cause.contains("mysql") {
            return [
                "com.mysql.cj.protocol.a.NativeProtocol.checkErrorMessage(NativeProtocol.java:763)",
                "com.mysql.cj.protocol.a.NativeProtocol.sendCommand(NativeProtocol.java:648)",
                "com.mysql.cj.NativeSession.execSQL(NativeSession.java:662)",
            ]
        }
        if cause.contains("postgresql") || cause.contains("SQL") {
            return [
                "org.postgresql.core.v3.ConnectionFactoryImpl.openConnectionImpl(ConnectionFactoryImpl.java:346)",
                "org.postgresql.core.ConnectionFactory.openConnection(ConnectionFactory.java:54)",
                "org.postgresql.jdbc.PgConnection.<init>(PgConnection.java:273)",
            ]
        }
        return [
            "io.netty.channel.unix.Errors.newConnectException0(Errors.java:166)",
            "io.netty.channel.epoll.AbstractEpollChannel$AbstractEpollUnsafe.finishConnect(AbstractEpollChannel.java:684)",
            "io.netty.channel.epoll.EpollEventLoop.run(EpollEventLoop.java:407)",
        ]
    }

    /// A Python traceback ending with `final` (the exception line), as `logging.exception` prints it.
    static func python(_ final: String, call: String, service: SimulatedService, library: String,
                       using rng: inout some RandomNumberGenerator) -> [String] {
        let module = service.domain.replacingFirst("-", with: "_")
        let function = rng.pick(["create_\(service.noun)", "handle", "process_\(service.noun)", "get_\(service.noun)", "submit"])
        var lines = ["Traceback (most recent call last):"]
        lines += [
            "  File \"/app/\(module)/views.py\", line \(rng.int(30...240)), in \(function)",
            "    result = \(call)",
            "  File \"/app/\(module)/clients.py\", line \(rng.int(20...180)), in \(call.prefix { $0 != "(" }.split(separator: ".").last ?? "call")",
            "    return self._session.request(method, url, timeout=self.timeout, **kwargs)",
        ]
        switch library {
        case "requests":
            lines += [
                "  File \"/usr/local/lib/python3.11/site-packages/requests/sessions.py\", line 589, in request",
                "    resp = self.send(prep, **send_kwargs)",
                "  File \"/usr/local/lib/python3.11/site-packages/requests/sessions.py\", line 703, in send",
                "    r = adapter.send(request, **kwargs)",
                "  File \"/usr/local/lib/python3.11/site-packages/requests/adapters.py\", line 519, in send",
                "    raise ConnectionError(e, request=request)",
            ]
        case "psycopg2":
            lines += [
                "  File \"/usr/local/lib/python3.11/site-packages/sqlalchemy/engine/base.py\", line 1969, in _exec_single_context",
                "    self.dialect.do_execute(",
                "  File \"/usr/local/lib/python3.11/site-packages/sqlalchemy/engine/default.py\", line 922, in do_execute",
                "    cursor.execute(statement, parameters)",
            ]
        case "redis":
            lines += [
                "  File \"/usr/local/lib/python3.11/site-packages/redis/client.py\", line 1266, in execute_command",
                "    conn = self.connection or pool.get_connection(command_name, **options)",
                "  File \"/usr/local/lib/python3.11/site-packages/redis/connection.py\", line 707, in connect",
                "    raise ConnectionError(self._error_message(e))",
            ]
        default:
            lines += [
                "  File \"/usr/local/lib/python3.11/site-packages/\(library)/__init__.py\", line \(rng.int(100...900)), in _call",
                "    raise exc",
            ]
        }
        lines.append(final)
        return lines
    }

    /// A Go panic with a goroutine dump, as the runtime prints it to stderr.
    static func goPanic(_ message: String, service: SimulatedService, using rng: inout some RandomNumberGenerator)
        -> [String]
    {
        let pkg = "github.com/acme/\(service.name)"
        let handler = service.typeStem + "Handler"
        var lines = ["panic: \(message)"]
        if message.contains("nil pointer") {
            lines.append("[signal SIGSEGV: segmentation violation code=0x1 addr=0x\(rng.hex(2)) pc=0x\(rng.hex(6))]")
        }
        lines += [
            "",
            "goroutine \(rng.int(20...9000)) [running]:",
            "\(pkg)/internal/handler.(*\(handler)).Handle(0xc000\(rng.hex(6)), {0x1a\(rng.hex(5)), 0xc000\(rng.hex(6))}, 0xc000\(rng.hex(6)))",
            "\t/src/internal/handler/\(service.noun).go:\(rng.int(40...300)) +0x\(rng.hex(3))",
            "net/http.HandlerFunc.ServeHTTP(0xc000\(rng.hex(6))?, {0x1a\(rng.hex(5))?, 0xc000\(rng.hex(6))?}, 0x0?)",
            "\t/usr/local/go/src/net/http/server.go:2220 +0x29",
            "github.com/go-chi/chi/v5.(*Mux).routeHTTP(0xc000\(rng.hex(6)), {0x1a\(rng.hex(5)), 0xc000\(rng.hex(6))}, 0xc000\(rng.hex(6)))",
            "\t/go/pkg/mod/github.com/go-chi/chi/v5@v5.0.12/mux.go:444 +0x216",
            "net/http.serverHandler.ServeHTTP({0xc000\(rng.hex(6))?}, {0x1a\(rng.hex(5))?, 0xc000\(rng.hex(6))?}, 0x6?)",
            "\t/usr/local/go/src/net/http/server.go:3210 +0x8e",
            "created by net/http.(*Server).Serve in goroutine 1",
            "\t/usr/local/go/src/net/http/server.go:3360 +0x485",
        ]
        return lines
    }

    /// A Go fatal error (`fatal error: runtime: out of memory`) with its runtime stack.
    static func goFatal(_ message: String, using rng: inout some RandomNumberGenerator) -> [String] {
        [
            "fatal error: \(message)",
            "",
            "runtime stack:",
            "runtime.throw({0x\(rng.hex(6)), 0x16})",
            "\t/usr/local/go/src/runtime/panic.go:1023 +0x5c fp=0x7ffd\(rng.hex(8)) sp=0x7ffd\(rng.hex(8)) pc=0x\(rng.hex(6))",
            "runtime.sysMapOS(0xc0\(rng.hex(8)), 0x4000000)",
            "\t/usr/local/go/src/runtime/mem_linux.go:167 +0x11b fp=0x7ffd\(rng.hex(8)) sp=0x7ffd\(rng.hex(8)) pc=0x\(rng.hex(6))",
            "runtime.(*mheap).grow(0x\(rng.hex(7)), 0x2000)",
            "\t/usr/local/go/src/runtime/mheap.go:1513 +0x236",
            "",
            "goroutine \(rng.int(20...900)) [running]:",
            "runtime.systemstack_switch()",
            "\t/usr/local/go/src/runtime/asm_amd64.s:474 +0x8",
        ]
    }

    /// A Node.js stack under the error line (`    at ...` frames).
    static func node(library: String, service: SimulatedService, using rng: inout some RandomNumberGenerator) -> [String] {
        var frames: [String]
        switch library {
        case "axios":
            frames = [
                "    at Function.AxiosError.from (/app/node_modules/axios/dist/node/axios.cjs:837:14)",
                "    at RedirectableRequest.handleRequestError (/app/node_modules/axios/dist/node/axios.cjs:3087:25)",
                "    at RedirectableRequest.emit (node:events:519:28)",
                "    at ClientRequest.eventHandlers.<computed> (/app/node_modules/follow-redirects/index.js:38:24)",
            ]
        case "ioredis":
            frames = [
                "    at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1555:16)",
            ]
        case "pg":
            frames = [
                "    at /app/node_modules/pg-pool/index.js:45:11",
                "    at process.processTicksAndRejections (node:internal/process/task_queues:95:5)",
            ]
        default:
            frames = [
                "    at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1555:16)",
                "    at process.processTicksAndRejections (node:internal/process/task_queues:95:5)",
            ]
        }
        frames.append("    at async \(service.typeStem)Service.\(rng.pick(["create", "get", "submit", "list"]))\(service.typeStem) (/app/dist/services/\(service.noun).service.js:\(rng.int(20...200)):\(rng.int(5...40)))")
        frames.append("    at async /app/dist/routes/\(service.noun).js:\(rng.int(10...90)):\(rng.int(5...30))")
        return frames
    }
}

extension String {
    /// The string with the first occurrence of `target` replaced.
    func replacingFirst(_ target: String, with replacement: String) -> String {
        guard let range = firstRange(of: target) else { return self }
        return String(self[..<range.lowerBound]) + replacement + String(self[range.upperBound...])
    }

    /// Every occurrence of `target` replaced (no Foundation needed).
    func filling(_ target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}

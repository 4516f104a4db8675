#!/usr/bin/env python3
"""Generate the logs for this case (deterministic, stdlib only)."""
import os, shutil, random, json, math
from datetime import datetime, timezone, timedelta

HERE = os.path.dirname(os.path.abspath(__file__))
LOGS = os.path.join(HERE, "logs")
R = random.Random(6042026)

CDT = timedelta(hours=-5)   # Windows servers run on Central Daylight Time; BIG-IP runs on UTC

def lt(s):
    """local (CDT) wall clock -> epoch"""
    return (datetime.strptime(s, "%Y-%m-%d %H:%M:%S") - CDT).replace(tzinfo=timezone.utc).timestamp()

T0 = lt("2026-06-04 09:40:00")
T_END = lt("2026-06-04 10:38:00")
T_JOB = lt("2026-06-04 09:30:00")
T_REBUILD = lt("2026-06-04 09:58:12") + 0.4
T_FULL = lt("2026-06-04 10:16:47") + 0.31
T_ROLLBACK_DONE = lt("2026-06-04 10:29:38") + 0.2
T_LOGBACKUP_FIX = lt("2026-06-04 10:30:00") + 2.9
T_RECYCLE = lt("2026-06-04 09:52:10")

def loc(t):
    return datetime.fromtimestamp(t, tz=timezone.utc) + CDT

def utc(t):
    return datetime.fromtimestamp(t, tz=timezone.utc)

def hexid(n):
    return "%0*x" % (n, R.getrandbits(4 * n))

def guid():
    return "%08x-%04x-4%03x-%04x-%012x" % (R.getrandbits(32), R.getrandbits(16), R.getrandbits(12), 0x8000 | R.getrandbits(14), R.getrandbits(48))

files = {}
seq = [0]
def emit(path, t, text):
    seq[0] += 1
    files.setdefault(path, []).append((t, seq[0], text))

def log_is_full(t):
    return T_FULL <= t < T_LOGBACKUP_FIX

# ------------------------------------------------------------------ SQL Server ERRORLOG
def el(t, src, msg):
    d = loc(t)
    cs = int(round(t * 100)) % 100
    emit("sql01/MSSQL15.MSSQLSERVER/MSSQL/Log/ERRORLOG", t, "%s.%02d %-12s%s" % (d.strftime("%Y-%m-%d %H:%M:%S"), cs, src, msg))

STARTUP_T = lt("2026-05-30 02:04:09")
startup = [
    ("Server", "Microsoft SQL Server 2019 (RTM-CU25) (KB5033688) - 15.0.4355.3 (X64) \r\n\tJan 30 2024 17:02:22 \r\n\tCopyright (C) 2019 Microsoft Corporation\r\n\tEnterprise Edition: Core-based Licensing (64-bit) on Windows Server 2022 Standard 10.0 <X64> (Build 20348: ) (Hypervisor)"),
    ("Server", "UTC adjustment: -5:00"),
    ("Server", "(c) Microsoft Corporation."),
    ("Server", "All rights reserved."),
    ("Server", "Server process ID is 4512."),
    ("Server", "System Manufacturer: 'VMware, Inc.', System Model: 'VMware7,1'."),
    ("Server", "Authentication mode is MIXED."),
    ("Server", "Logging SQL Server messages in file 'E:\\MSSQL15.MSSQLSERVER\\MSSQL\\Log\\ERRORLOG'."),
    ("Server", "The service account is 'CORP\\svc-sql01'. This is an informational message; no user action is required."),
    ("Server", "Registry startup parameters: \r\n\t -d E:\\MSSQL15.MSSQLSERVER\\MSSQL\\DATA\\master.mdf\r\n\t -e E:\\MSSQL15.MSSQLSERVER\\MSSQL\\Log\\ERRORLOG\r\n\t -l E:\\MSSQL15.MSSQLSERVER\\MSSQL\\DATA\\mastlog.ldf"),
    ("Server", "SQL Server detected 2 sockets with 8 cores per socket and 8 logical processors per socket, 16 total logical processors; using 16 logical processors based on SQL Server licensing. This is an informational message; no user action is required."),
    ("Server", "SQL Server is starting at normal priority base (=7). This is an informational message only. No user action is required."),
    ("Server", "Detected 131071 MB of RAM. This is an informational message; no user action is required."),
    ("Server", "Using locked pages in the memory manager."),
    ("Server", "Lock partitioning is enabled.  This is an informational message only. No user action is required."),
    ("spid11s", "Starting up database 'master'."),
    ("spid11s", "Resource governor reconfiguration succeeded."),
    ("spid11s", "SQL Server Audit is starting the audits. This is an informational message. No user action is required."),
    ("spid11s", "SQL Trace ID 1 was started by login \"sa\"."),
    ("spid11s", "Server name is 'SQL01'. This is an informational message only. No user action is required."),
    ("spid28s", "Starting up database 'msdb'."),
    ("spid29s", "Starting up database 'OrdersDB'."),
    ("spid30s", "Starting up database 'ErpStaging'."),
    ("spid31s", "Starting up database 'ReportingDW'."),
    ("spid11s", "Starting up database 'tempdb'."),
    ("spid29s", "Parallel redo is started for database 'OrdersDB' with worker pool size [8]."),
    ("spid29s", "Recovery completed for database OrdersDB (database ID 7) in 4 second(s) (analysis 212 ms, redo 3011 ms, undo 98 ms [system undo 0 ms, regular undo 0 ms].) This is an informational message only. No user action is required."),
    ("spid11s", "Recovery is complete. This is an informational message only. No user action is required."),
    ("Server", "Server is listening on [ 'any' <ipv4> 1433]."),
    ("Server", "Dedicated admin connection support was established for listening locally on port 1434."),
    ("Server", "SQL Server is now ready for client connections. This is an informational message; no user action is required."),
]
for i, (src, msg) in enumerate(startup):
    el(STARTUP_T + i * 0.37, src, msg)
for day in range(31, 35):
    d = datetime(2026, 5, 1) + timedelta(days=day - 1)
    ts = lt(d.strftime("%Y-%m-%d") + " 00:00:00") + 0.12
    el(ts, "spid23s", "This instance of SQL Server has been using a process ID of 4512 since 5/30/2026 2:04:09 AM (local) 5/30/2026 7:04:09 AM (UTC). This is an informational message only; no user action is required.")
    for h in range(0, 24, 6):
        el(ts + h * 3600 + 61, "Backup", "Database backed up. Database: ErpStaging, creation date(time): 2021/08/14(09:12:44), pages dumped: 88213, first LSN: 31811:2216:37, last LSN: 31811:2240:1, number of dump devices: 1, device information: (FILE=1, TYPE=DISK: {'\\\\backup01\\sqlbackup$\\SQL01\\ErpStaging\\DIFF\\SQL01_ErpStaging_DIFF_%s_%02d0100.bak'}). This is an informational message only. No user action is required." % (d.strftime("%Y%m%d"), h))

# window content
lsn = [4211827]
def log_backup(t):
    a = lsn[0]
    lsn[0] += R.randint(300, 900) if t < T_REBUILD else R.randint(9000, 30000)
    name = "SQL01_OrdersDB_LOG_%s.trn" % loc(t).strftime("%Y%m%d_%H%M%S")
    el(t + 1.6, "Backup", "Log was backed up. Database: OrdersDB, creation date(time): 2019/03/02(11:22:33), first LSN: %d:%d:1, last LSN: %d:%d:1, number of dump devices: 1, device information: (FILE=1, TYPE=DISK: {'\\\\backup01\\sqlbackup$\\SQL01\\OrdersDB\\LOG\\%s'}). This is an informational message only. No user action is required." % (
        a, R.randint(1000, 60000), lsn[0], R.randint(1000, 60000), name))
    el(t + 1.61, "Backup", "BACKUP LOG successfully processed %d pages in %.3f seconds (%.3f MB/sec)." % (R.randint(2000, 9000) if t < T_REBUILD else R.randint(200000, 900000), R.uniform(0.4, 3.0) if t < T_REBUILD else R.uniform(30, 90), R.uniform(80, 260)))

t = lt("2026-06-04 09:00:00")
while t < T_END:
    if t >= T0 - 600:
        log_backup(t)
    t += 900
for k in range(int((T_END - T0) / 60) + 10):
    ts = T0 - 600 + k * 60 + 2.77 + R.uniform(0, 0.3)
    if ts < T_END:
        el(ts, "Logon", "Error: 18456, Severity: 14, State: 8.")
        el(ts, "Logon", "Login failed for user 'rpt_etl'. Reason: Password did not match that for the login provided. [CLIENT: 10.10.30.44]")
for ts, ms in ((lt("2026-06-04 10:04:31"), 14811), (lt("2026-06-04 10:09:12"), 18422), (lt("2026-06-04 10:13:40"), 24107)):
    el(ts + 0.4, "spid96", "Autogrow of file 'OrdersDB_log' in database 'OrdersDB' took %d milliseconds.  Consider using ALTER DATABASE to set a smaller FILEGROWTH for this file." % ms)
el(lt("2026-06-04 10:11:02") + 0.44, "spid9s", "SQL Server has encountered 3 occurrence(s) of I/O requests taking longer than 15 seconds to complete on file [L:\\MSSQL\\Log\\OrdersDB_log.ldf] in database id 7.  The OS file handle is 0x0000000000000F2C.  The offset of the latest long I/O is: 0x00000c3a4e0000.  The duration of the long I/O is: 17231 ms.")
el(T_FULL, "spid96", "Error: 9002, Severity: 17, State: 4.")
el(T_FULL, "spid96", "The transaction log for database 'OrdersDB' is full due to 'ACTIVE_TRANSACTION'.")

def sql_9002(t, spid):
    el(t, "spid%d" % spid, "Error: 9002, Severity: 17, State: 2.")
    el(t, "spid%d" % spid, "The transaction log for database 'OrdersDB' is full due to 'ACTIVE_TRANSACTION'.")

# ------------------------------------------------------------------ SQL Agent + Ola Hallengren job output
def agent(t, sev, code, msg):
    emit("sql01/MSSQL15.MSSQLSERVER/MSSQL/Log/SQLAGENT.OUT", t, "%s - %s [%s] %s" % (loc(t).strftime("%Y-%m-%d %H:%M:%S"), sev, code, msg))

ag = lt("2026-05-30 02:04:31")
for i, (sev, code, msg) in enumerate([("?", "393", "Waiting for SQL Server to recover database 'msdb'..."),
                                      ("?", "100", "Microsoft SQLServerAgent version 15.0.4355.3 (X64 unicode retail build) : Process ID 6124"),
                                      ("?", "495", "The SQL Server Agent startup service account is CORP\\svc-sqlagent01."),
                                      ("?", "101", "SQL Server SQL01 version 15.00.4355 (Agent max connections: 100)"),
                                      ("?", "102", "SQL Server ODBC driver version 17.10.0005"),
                                      ("?", "103", "NetLib being used by driver is DBNETLIB.DLL; Local host server is SQL01"),
                                      ("?", "310", "16 processor(s) and 131071 MB RAM detected"),
                                      ("?", "339", "Local computer is SQL01 running Windows NT 6.2 (20348) "),
                                      ("?", "432", "There are 14 subsystems in the subsystems cache"),
                                      ("?", "124", "Subsystem 'ActiveScripting' could not be loaded (reason: The specified module could not be found)"),
                                      ("+", "396", "An idle CPU condition has not been defined - OnIdle job schedules will have no effect"),
                                      ("?", "146", "Request servicer engine started"),
                                      ("?", "133", "Support engine started"),
                                      ("?", "167", "Populating job cache..."),
                                      ("?", "110", "Job scheduler engine started (maximum user worker threads: 32, maximum system worker threads: 8)"),
                                      ("?", "168", "There are 23 job(s) [0 disabled] in the job cache"),
                                      ("?", "170", "Populating alert cache..."),
                                      ("?", "171", "There are 3 alert(s) in the alert cache")]):
    agent(ag + i * 0.8, sev, code, msg)
agent(lt("2026-06-03 16:42:18"), "?", "167", "Populating job cache...")
agent(lt("2026-06-03 16:42:18") + 0.2, "?", "168", "There are 23 job(s) [0 disabled] in the job cache")
for ts in (T_FULL + 47.3, T_FULL + 347.3, T_FULL + 647.3):
    agent(ts, "!", "298", "SQLServer Error: 9002, The transaction log for database 'OrdersDB' is full due to 'ACTIVE_TRANSACTION'. [SQLSTATE 42000]")

ola = []
def ola_block(t_start, cmd, comment, dur, failed=False):
    ola.append("Date and time: %s" % loc(t_start).strftime("%Y-%m-%d %H:%M:%S"))
    ola.append("Command: " + cmd)
    ola.append("Comment: " + comment)
    if failed:
        ola.append("Msg 9002, Level 17, State 4, Line 1")
        ola.append("The transaction log for database 'OrdersDB' is full due to 'ACTIVE_TRANSACTION'.")
    ola.append("Outcome: %s" % ("Failed" if failed else "Succeeded"))
    h, rem = divmod(int(dur), 3600)
    ola.append("Duration: %02d:%02d:%02d" % (h, rem // 60, rem % 60))
    ola.append("Date and time: %s" % loc(t_start + dur).strftime("%Y-%m-%d %H:%M:%S"))
    ola.append("")
    return t_start + dur

ola += ["Job 'IndexOptimize - USER_DATABASES' : Step 1, 'IndexOptimize - USER_DATABASES' : Began Executing %s" % loc(T_JOB).strftime("%Y-%m-%d %H:%M:%S"), "",
        "Date and time: %s" % loc(T_JOB).strftime("%Y-%m-%d %H:%M:%S"), "Server: SQL01", "Version: 15.0.4355.3", "Edition: Enterprise Edition: Core-based Licensing (64-bit)",
        "Platform: Windows", "Procedure: [master].[dbo].[IndexOptimize]",
        "Parameters: @Databases = 'USER_DATABASES', @FragmentationLow = NULL, @FragmentationMedium = 'INDEX_REORGANIZE,INDEX_REBUILD_ONLINE,INDEX_REBUILD_OFFLINE', @FragmentationHigh = 'INDEX_REBUILD_ONLINE,INDEX_REBUILD_OFFLINE', @FragmentationLevel1 = 5, @FragmentationLevel2 = 30, @MinNumberOfPages = 1000, @MaxNumberOfPages = NULL, @SortInTempdb = 'N', @MaxDOP = 4, @FillFactor = NULL, @PadIndex = NULL, @LOBCompaction = 'Y', @UpdateStatistics = 'ALL', @OnlyModifiedStatistics = 'Y', @StatisticsModificationLevel = NULL, @StatisticsSample = NULL, @StatisticsResample = 'N', @PartitionLevel = 'Y', @MSShippedObjects = 'N', @Indexes = NULL, @TimeLimit = NULL, @Delay = NULL, @WaitAtLowPriorityMaxDuration = NULL, @WaitAtLowPriorityAbortAfterWait = NULL, @Resumable = 'N', @AvailabilityGroups = NULL, @LockTimeout = NULL, @LockMessageSeverity = 16, @StringDelimiter = ',', @DatabaseOrder = NULL, @DatabasesInParallel = 'N', @ExecuteAsUser = NULL, @LogToTable = 'Y', @Execute = 'Y'",
        "Version: 2022-12-03 17:23:44", "Source: https://ola.hallengren.com", ""]
tj = T_JOB + 1
for db in ("ErpStaging", "OrdersDB"):
    ola += ["Date and time: %s" % loc(tj).strftime("%Y-%m-%d %H:%M:%S"), "Database: [%s]" % db, "State: ONLINE", "Standby: No", "Updateability: READ_WRITE",
            "User access: MULTI_USER", "Recovery model: FULL", "Is accessible: Yes", "Availability group: N/A", ""]
    tj += 1
    if db == "ErpStaging":
        for ix, tbl, pages, frag in (("IX_Adjustments_Sku", "Adjustments", 41233, 22.81), ("PK_Adjustments", "Adjustments", 188412, 31.07), ("IX_Import_Batch", "ImportRows", 9981, 11.44)):
            kind = "REORGANIZE WITH (LOB_COMPACTION = ON)" if frag < 30 else "REBUILD WITH (SORT_IN_TEMPDB = OFF, ONLINE = ON, MAXDOP = 4)"
            tj = ola_block(tj, "ALTER INDEX [%s] ON [%s].[dbo].[%s] %s" % (ix, db, tbl, kind),
                           "ObjectType: Table, IndexType: %s, ImageText: No, NewLOB: No, FileStream: No, ColumnStore: No, AllowPageLocks: Yes, PageCount: %d, Fragmentation: %.4f" % ("Clustered" if ix.startswith("PK") else "NonClustered", pages, frag),
                           R.uniform(20, 200)) + 1
    else:
        for ix, tbl, pages, frag in (("IX_Orders_CustomerId", "Orders", 812344, 12.4431), ("IX_Orders_Status_Created", "Orders", 604112, 33.9012), ("IX_Payments_OrderId", "Payments", 290118, 18.2270)):
            kind = "REORGANIZE WITH (LOB_COMPACTION = ON)" if frag < 30 else "REBUILD WITH (SORT_IN_TEMPDB = OFF, ONLINE = ON, MAXDOP = 4)"
            tj = ola_block(tj, "ALTER INDEX [%s] ON [%s].[dbo].[%s] %s" % (ix, db, tbl, kind),
                           "ObjectType: Table, IndexType: NonClustered, ImageText: No, NewLOB: No, FileStream: No, ColumnStore: No, AllowPageLocks: Yes, PageCount: %d, Fragmentation: %.4f" % (pages, frag),
                           R.uniform(100, 420)) + 1
        stats = [("Orders", "_WA_Sys_00000004_0EA330E9"), ("Orders", "IX_Orders_CustomerId"), ("Payments", "_WA_Sys_00000002_22AA2996"),
                 ("Customers", "PK_Customers"), ("Customers", "_WA_Sys_00000007_1A14E395"), ("OrderLines", "IX_OrderLines_Sku"), ("Shipments", "PK_Shipments"),
                 ("Shipments", "_WA_Sys_00000003_2B3F6F97"), ("OrderLines", "_WA_Sys_00000005_4CA06362")]
        for tbl, st in stats:
            if tj + 20 >= T_REBUILD:
                break
            dur = min(R.uniform(35, 140), T_REBUILD - tj - 1.5)
            tj = ola_block(tj, "UPDATE STATISTICS [OrdersDB].[dbo].[%s] [%s]" % (tbl, st),
                           "ObjectType: Table, IndexType: %s, Incremental: No, RowCount: %d, ModificationCounter: %d" % ("Clustered" if st.startswith("PK") else ("NonClustered" if st.startswith("IX") else "N/A"), R.randint(2000000, 900000000), R.randint(20000, 9000000)),
                           dur) + 1
        tj = ola_block(T_REBUILD, "ALTER INDEX [PK_OrderLines] ON [OrdersDB].[dbo].[OrderLines] REBUILD WITH (SORT_IN_TEMPDB = OFF, ONLINE = ON, MAXDOP = 4)",
                       "ObjectType: Table, IndexType: Clustered, ImageText: No, NewLOB: No, FileStream: No, ColumnStore: No, AllowPageLocks: Yes, PageCount: 48211342, Fragmentation: 38.1274",
                       T_ROLLBACK_DONE - T_REBUILD, failed=True) + 1
        tj = ola_block(tj, "ALTER INDEX [IX_OrderLines_Sku] ON [OrdersDB].[dbo].[OrderLines] REORGANIZE WITH (LOB_COMPACTION = ON)",
                       "ObjectType: Table, IndexType: NonClustered, ImageText: No, NewLOB: No, FileStream: No, ColumnStore: No, AllowPageLocks: Yes, PageCount: 3120445, Fragmentation: 9.8812", 84) + 1
ola += ["Date and time: %s" % loc(tj).strftime("%Y-%m-%d %H:%M:%S"), "",
        "Msg 50000, Level 16, State 1, Server SQL01, Procedure IndexOptimize, Line 2419 [Batch Start Line 0]",
        "The documentation is available at https://ola.hallengren.com/sql-server-index-and-statistics-maintenance.html.",
        "Process Exit Code 1.  The step failed."]

# ------------------------------------------------------------------ orders-web (ASP.NET on IIS, NLog)
WEB = [("web01", "10.10.20.21"), ("web02", "10.10.20.22")]

def nlog(host, t, level, logger, msg):
    d = loc(t)
    frac = int(round(t * 10000)) % 10000
    emit("%s/orders-web/%s.log" % (host, d.strftime("%Y-%m-%d")), t, "%s.%04d|%s|%s|%s" % (d.strftime("%Y-%m-%d %H:%M:%S"), frac, level, logger, msg))

def sqlex(conn, number=9002, state=2, cls=17, msg="The transaction log for database 'OrdersDB' is full due to 'ACTIVE_TRANSACTION'.", frames=None):
    frames = frames or ["   at Orders.Web.Data.OrderRepository.SaveOrder(Order order) in D:\\a\\1\\s\\src\\Orders.Web\\Data\\OrderRepository.cs:line 143",
                        "   at Orders.Web.Services.CheckoutService.PlaceOrder(Cart cart, PaymentToken token) in D:\\a\\1\\s\\src\\Orders.Web\\Services\\CheckoutService.cs:line 88",
                        "   at Orders.Web.Controllers.CheckoutController.Submit(CheckoutModel model) in D:\\a\\1\\s\\src\\Orders.Web\\Controllers\\CheckoutController.cs:line 61"]
    return ("System.Data.SqlClient.SqlException (0x80131904): %s\r\n"
            "   at System.Data.SqlClient.SqlConnection.OnError(SqlException exception, Boolean breakConnection, Action`1 wrapCloseInAction)\r\n"
            "   at System.Data.SqlClient.TdsParser.ThrowExceptionAndWarning(TdsParserStateObject stateObj, Boolean callerHasConnectionLock, Boolean asyncClose)\r\n"
            "   at System.Data.SqlClient.TdsParser.TryRun(RunBehavior runBehavior, SqlCommand cmdHandler, SqlDataReader dataStream, BulkCopySimpleResultSet bulkCopyHandler, TdsParserStateObject stateObj, Boolean& dataReady)\r\n"
            "   at System.Data.SqlClient.SqlCommand.FinishExecuteReader(SqlDataReader ds, RunBehavior runBehavior, String resetOptionsString, Boolean isInternal, Boolean forDescribeParameterEncryption, Boolean shouldCacheForAlwaysEncrypted)\r\n"
            "   at System.Data.SqlClient.SqlCommand.RunExecuteReaderTds(CommandBehavior cmdBehavior, RunBehavior runBehavior, Boolean returnStream, Boolean async, Int32 timeout, Task& task, Boolean asyncWrite, Boolean inRetry, SqlDataReader ds, Boolean describeParameterEncryptionRequest)\r\n"
            "   at System.Data.SqlClient.SqlCommand.InternalExecuteNonQuery(TaskCompletionSource`1 completion, String methodName, Boolean sendToPipe, Int32 timeout, Boolean& usedCache, Boolean asyncWrite, Boolean inRetry)\r\n"
            "   at System.Data.SqlClient.SqlCommand.ExecuteNonQuery()\r\n"
            "   at Dapper.SqlMapper.ExecuteCommand(IDbConnection cnn, CommandDefinition& command, Action`2 paramReader) in /_/Dapper/SqlMapper.cs:line 2965\r\n"
            "%s\r\n"
            "ClientConnectionId:%s\r\n"
            "Error Number:%d,State:%d,Class:%d") % (msg, "\r\n".join(frames), conn, number, state, cls)

HEALTH_FRAMES = ["   at Orders.Web.Health.HealthController.Get() in D:\\a\\1\\s\\src\\Orders.Web\\Health\\HealthController.cs:line 37"]
conn_ids = {h: [guid() for _ in range(6)] for h, _ in WEB}

# F5 monitor state
pool_member_up = {h: True for h, _ in WEB}
f5_events = []

def f5(t, line):
    d = utc(t)
    emit("bigip-ext-1/var/log/ltm", t, "%s %2d %s bigip-ext-1 %s" % (d.strftime("%b"), d.day, d.strftime("%H:%M:%S"), line))

# health monitor every 5 s from the BIG-IP self IPs
down_since = {}
for h, ip in WEB:
    tt = T0 + R.uniform(0, 5)
    fails = 0
    while tt < T_END:
        if log_is_full(tt):
            nlog(h, tt + 0.018, "ERROR", "Orders.Web.Health.HealthController", "Health probe failed: heartbeat write to OrdersDB failed " + sqlex(R.choice(conn_ids[h]), frames=HEALTH_FRAMES))
            nlog(h, tt + 0.019, "INFO", "Orders.Web.Infrastructure.RequestLog", "GET /health 500 19ms client=10.10.20.2")
            sql_9002(tt + 0.016, R.choice([61, 64, 77, 82, 88]))
            fails += 1
            if pool_member_up[h] and fails >= 3:
                pool_member_up[h] = False
                down_since[h] = tt + 0.02
                f5(tt + 0.02, "notice mcpd[7081]: 01070638:5: Pool /Common/pool_orders_web member /Common/%s:443 monitor status down. [ /Common/mon_orders_health: down; last error: /Common/mon_orders_health: Response Code: 500 (Internal Server Error) @%s.  ]  [ was up for %dhrs:%dmins:%dsec ]" % (
                    ip, utc(tt).strftime("%Y/%m/%d %H:%M:%S"), 18, R.randint(0, 59), R.randint(0, 59)))
                f5_events.append((tt + 0.02, h, False))
        else:
            nlog(h, tt + 0.006, "INFO", "Orders.Web.Infrastructure.RequestLog", "GET /health 200 6ms client=10.10.20.2")
            fails = 0
            if not pool_member_up[h]:
                pool_member_up[h] = True
                dd = int(tt - down_since[h])
                f5(tt + 0.01, "notice mcpd[7081]: 01070727:5: Pool /Common/pool_orders_web member /Common/%s:443 monitor status up. [ /Common/mon_orders_health: up ]  [ was down for %dhr:%dmins:%dsec ]" % (ip, dd // 3600, (dd % 3600) // 60, dd % 60))
                f5_events.append((tt + 0.01, h, True))
        tt += 5 + R.uniform(-0.01, 0.01)
f5_events.sort()
first_down_all = None
up = {h: True for h, _ in WEB}
for te, h, state in f5_events:
    was_any = any(up.values())
    up[h] = state
    if was_any and not any(up.values()):
        f5(te + 0.003, "err tmm1[19632]: 01010028:3: No members available for pool /Common/pool_orders_web")
        f5(te + 0.004, "err tmm[19631]: 01010028:3: No members available for pool /Common/pool_orders_web")
    if not was_any and any(up.values()):
        f5(te + 0.003, "err tmm1[19632]: 01010221:3: Pool /Common/pool_orders_web now has available members")
        f5(te + 0.004, "err tmm[19631]: 01010221:3: Pool /Common/pool_orders_web now has available members")

def member_up(h, t):
    st = True
    for te, hh, s in f5_events:
        if te > t:
            break
        if hh == h:
            st = s
    return st

# user traffic through the BIG-IP
PAGES = [("GET", "/", 0.2), ("GET", "/catalog", 0.2), ("GET", "/product/{id}", 0.22), ("GET", "/orders/history", 0.1), ("POST", "/cart/add", 0.12),
         ("POST", "/checkout/submit", 0.08), ("POST", "/account/address", 0.03), ("GET", "/cart", 0.05)]

def pick():
    x, acc = R.random(), 0
    for m, p, w in PAGES:
        acc += w
        if x < acc:
            return m, p
    return "GET", "/"

t = T0 + 0.2
while t < T_END:
    rate = 3.2 + 0.5 * math.sin((t - T0) / 700.0)
    t += R.expovariate(rate)
    if t >= T_END:
        break
    hosts = [w for w in WEB if member_up(w[0], t)]
    if not hosts:
        continue
    h, ip = R.choice(hosts)
    m, p = pick()
    p = p.replace("{id}", str(R.randint(10000, 99999)))
    user = "u%06d" % R.randint(1, 400000)
    d = R.lognormvariate(-3.0, 0.5)
    if m == "POST" and log_is_full(t):
        d = R.uniform(0.02, 0.09)
        what = {"/cart/add": "Failed to add item to cart %s" % guid(), "/checkout/submit": "Failed to save order for cart %s" % guid(), "/account/address": "Failed to update address for %s" % user}[p]
        nlog(h, t + d - 0.002, "ERROR", "Orders.Web.Data.OrderRepository" if "order" in what else "Orders.Web.Data.CartRepository", what + " " + sqlex(R.choice(conn_ids[h])))
        nlog(h, t + d, "INFO", "Orders.Web.Infrastructure.RequestLog", "%s %s 500 %dms user=%s" % (m, p, int(d * 1000), user))
        sql_9002(t + d - 0.003, R.choice([61, 64, 77, 82, 88, 93, 101, 117]))
        continue
    if p == "/checkout/submit":
        nlog(h, t + d - 0.003, "INFO", "Orders.Web.Services.CheckoutService", "Order %d placed for %s (%d lines, total %.2f USD)" % (R.randint(8800000, 8899999), user, R.randint(1, 9), R.uniform(12, 900)))
    if p.startswith("/product") and R.random() < 0.01:
        nlog(h, t + d, "WARN", "Orders.Web.Controllers.ProductController", "Product %s not found or discontinued" % p.rsplit("/", 1)[1])
        nlog(h, t + d + 0.0002, "INFO", "Orders.Web.Infrastructure.RequestLog", "%s %s 404 %dms user=%s" % (m, p, int(d * 1000), user))
        continue
    nlog(h, t + d, "INFO", "Orders.Web.Infrastructure.RequestLog", "%s %s %d %dms user=%s" % (m, p, 302 if m == "POST" else 200, int(d * 1000), user))

# scheduled IIS app pool recycle on web02 (red herring)
nlog("web02", T_RECYCLE, "INFO", "Orders.Web.MvcApplication", "Application_End: shutdown reason HostingEnvironment (scheduled app pool recycle)")
nlog("web02", T_RECYCLE + 6.1, "INFO", "Orders.Web.MvcApplication", "Application starting: Orders.Web 3.14.2.0, .NET Framework 4.8.9181.0, database SQL01/OrdersDB (Max Pool Size=200)")
nlog("web02", T_RECYCLE + 9.4, "WARN", "Orders.Web.Caching.CatalogCache", "Catalog cache cold start took 3288 ms (41022 products)")
nlog("web01", T0 - 3600 * 5, "INFO", "Orders.Web.MvcApplication", "Application starting: Orders.Web 3.14.2.0, .NET Framework 4.8.9181.0, database SQL01/OrdersDB (Max Pool Size=200)")

# ------------------------------------------------------------------ reporting-api (.NET 6, NLog JsonLayout)
def rjson(t, level, logger, msg, exc=None):
    d = loc(t)
    rec = {"time": "%s.%04d" % (d.strftime("%Y-%m-%d %H:%M:%S"), int(round(t * 10000)) % 10000), "level": level, "logger": logger, "message": msg}
    if exc:
        rec["exception"] = exc
    emit("app01/reporting-api/reporting-api-%s.json" % d.strftime("%Y%m%d"), t, json.dumps(rec, separators=(",", ":")))

for k in range(int((T_END - T0) / 60) + 10):
    ts = T0 - 600 + k * 60 + 2.6 + R.uniform(0, 0.2)
    if ts < T_END and ts >= T0 - 60:
        rjson(ts + 0.2, "ERROR", "Reporting.Exports.NightlyExportJob", "Export 'finance-daily' retry %d failed; will retry in 60s" % (k + 211),
              "Microsoft.Data.SqlClient.SqlException (0x80131904): Login failed for user 'rpt_etl'.\r\n   at Microsoft.Data.SqlClient.SqlInternalConnection.OnError(SqlException exception, Boolean breakConnection, Action`1 wrapCloseInAction)\r\n   at Microsoft.Data.SqlClient.TdsParser.ThrowExceptionAndWarning(TdsParserStateObject stateObj, Boolean callerHasConnectionLock, Boolean asyncClose)\r\n   at Microsoft.Data.SqlClient.SqlInternalConnectionTds..ctor(DbConnectionPoolIdentity identity, SqlConnectionString connectionOptions, SqlCredential credential, Object providerInfo, String newPassword, SecureString newSecurePassword, Boolean redirectedUserInstance, SqlConnectionString userConnectionOptions, SessionData reconnectSessionData, Boolean applyTransientFaultHandling, String accessToken, DbConnectionPool pool)\r\n   at Reporting.Exports.NightlyExportJob.RunAsync(CancellationToken ct) in C:\\build\\src\\Reporting\\Exports\\NightlyExportJob.cs:line 52\r\nClientConnectionId:%s\r\nError Number:18456,State:1,Class:14" % guid())
tr = T0 + 1
while tr < T_END:
    tr += R.expovariate(0.35)
    rep = R.choice(["sales-daily", "sales-by-region", "returns-weekly", "inventory-aging", "top-customers"])
    d = R.lognormvariate(-1.5, 0.6)
    rjson(tr + d, "INFO", "Microsoft.AspNetCore.Hosting.Diagnostics", "Request finished HTTP/1.1 GET http://reporting.corp.local/api/reports/%s?from=2026-05-01 - 200 %d application/json %.4fms" % (rep, R.randint(3000, 90000), d * 1000))

# ------------------------------------------------------------------ erp-sync: Windows Application event log exported as CSV
evt = []
def ev(t, level, source, eid, cat, msg):
    seq[0] += 1
    evt.append((t, seq[0], level, source, eid, cat, msg))

te = T0 + 7
batch = 88123
while te < T_END:
    batch += 1
    if log_is_full(te):
        ev(te, "Error", "ErpSync", 1001, "None", "Inventory sync batch %d failed and will be retried.\r\n\r\n%s" % (batch, sqlex(guid(), frames=["   at Corp.ErpSync.InventoryWriter.Apply(IReadOnlyList`1 adjustments) in C:\\agent\\_work\\4\\s\\ErpSync\\InventoryWriter.cs:line 77",
                                                                                                                        "   at Corp.ErpSync.SyncService.RunCycle() in C:\\agent\\_work\\4\\s\\ErpSync\\SyncService.cs:line 112"])))
        sql_9002(te - 0.01, R.choice([55, 58]))
    else:
        ev(te, "Information", "ErpSync", 1000, "None", "Inventory sync batch %d applied: %d adjustments from SAP PRD (client 100) in %d ms." % (batch, R.randint(8, 140), R.randint(300, 2400)))
    te += 30 + R.uniform(-0.3, 0.3)
for k in range(3):
    ts = T0 + R.uniform(0, T_END - T0)
    ev(ts, "Warning", "Microsoft-Windows-Time-Service", 36, "None", "The time service has not synchronized the system time for 86400 seconds because none of the time service providers provided a usable time stamp. The time service will not update the local system time until it is able to synchronize with a time source. If the local system is configured to act as a time server for clients, it will stop advertising as a time source to clients. The time service will continue to retry and sync time with its time sources. Check system event log for other W32time events for more details. Run 'w32tm /resync' to force an instant time synchronization.")
for k in range(4):
    ts = T0 + R.uniform(0, T_END - T0)
    ev(ts, "Information", "Software Protection Platform Service", 16384, "None", "Successfully scheduled Software Protection service for re-start at 2026-06-05T%02d:%02d:%02dZ. Reason: RulesEngine." % (R.randint(0, 23), R.randint(0, 59), R.randint(0, 59)))
ev(T0 + 1320, "Error", ".NET Runtime", 1026, "None", "Application: CorpInventoryAgent.exe\r\nFramework Version: v4.0.30319\r\nDescription: The process was terminated due to an unhandled exception.\r\nException Info: System.IO.IOException\r\n   at System.IO.__Error.WinIOError(Int32, System.String)\r\n   at System.IO.FileStream.Init(System.String, System.IO.FileMode, System.IO.FileAccess, Int32, Boolean, System.IO.FileShare, Int32, System.IO.FileOptions, SECURITY_ATTRIBUTES, System.String, Boolean, Boolean, Boolean)\r\n   at CorpInventoryAgent.Program.Main(System.String[])")

# ------------------------------------------------------------------ BIG-IP background
for k in range(5):
    ts = T0 + R.uniform(60, T_END - T0 - 200)
    f5(ts, "notice mcpd[7081]: 01070638:5: Pool /Common/pool_legacy_soap member /Common/10.10.40.12:8080 monitor status down. [ /Common/tcp_half_open: down; last error:  ]  [ was up for 0hr:%dmins:%dsec ]" % (R.randint(3, 14), R.randint(0, 59)))
    f5(ts + R.uniform(15, 60), "notice mcpd[7081]: 01070727:5: Pool /Common/pool_legacy_soap member /Common/10.10.40.12:8080 monitor status up. [ /Common/tcp_half_open: up ]  [ was down for 0hr:0mins:%dsec ]" % R.randint(15, 60))
for k in range(12):
    ts = T0 + R.uniform(0, T_END - T0)
    f5(ts, "warning tmm%s[%d]: 011e0003:4: Aggressive mode sweeper: /Common/default-eviction-policy (70000000002d6) (global memory) %d Connections killed" % (R.choice(["", "1"]), R.choice([19631, 19632]), R.randint(1, 9)))

# ------------------------------------------------------------------ write
shutil.rmtree(LOGS, ignore_errors=True)

def rows_of(path):
    return [r[2] for r in sorted(files[path], key=lambda r: (r[0], r[1]))]

def write(rel, text, enc):
    full = os.path.join(LOGS, rel)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    with open(full, "wb") as f:
        f.write(text.encode(enc) if enc != "utf-16le-bom" else b"\xff\xfe" + text.encode("utf-16-le"))

for path in sorted(files):
    lines = rows_of(path)
    if path.endswith("ERRORLOG") or path.endswith("SQLAGENT.OUT"):
        write(path, "\r\n".join(lines) + "\r\n", "utf-16le-bom")
    elif "/orders-web/" in path:
        write(path, "\r\n".join(lines) + "\r\n", "utf-8")
    elif "reporting-api" in path:
        write(path, "\r\n".join(lines) + "\r\n", "utf-8")
    else:
        write(path, "\n".join(lines) + "\n", "utf-8")
write("sql01/MSSQL15.MSSQLSERVER/MSSQL/JobLogs/IndexOptimize_0x6B1E4F02A39C5D4E8F7A1B2C3D4E5F60_1_20260604_093000.txt", "\r\n".join(ola) + "\r\n", "ascii")

def csvq(v):
    return '"' + v.replace('"', '""') + '"' if any(c in v for c in ',"\r\n') else v

evt.sort(key=lambda r: (r[0], r[1]), reverse=True)
out = ["Level,Date and Time,Source,Event ID,Task Category"]
for t, _, level, source, eid, cat, msg in evt:
    d = loc(t)
    h = d.hour % 12 or 12
    stamp = "%d/%d/%d %d:%02d:%02d %s" % (d.month, d.day, d.year, h, d.minute, d.second, "AM" if d.hour < 12 else "PM")
    out.append(",".join([level, stamp, csvq(source), str(eid), cat, csvq(msg)]))
write("app01/eventlog/Application_app01_2026-06-04.csv", "\ufeff" + "\r\n".join(out) + "\r\n", "utf-8")

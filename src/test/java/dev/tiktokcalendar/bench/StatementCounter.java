package dev.tiktokcalendar.bench;

import com.mysql.cj.MysqlConnection;
import com.mysql.cj.Query;
import com.mysql.cj.interceptors.QueryInterceptor;
import com.mysql.cj.log.Log;
import com.mysql.cj.protocol.Resultset;
import com.mysql.cj.protocol.ServerSession;

import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Counts every statement a JDBC connection sends to the server (queries, updates, {@code commit},
 * {@code SET autocommit}...), by shape. Installed with {@code queryInterceptors=dev.tiktokcalendar.bench.StatementCounter}
 * on the application's JDBC URL only, so the figure is the application's own traffic even on a shared server
 * (performance_schema is off there and the global counters include other clients).
 */
public final class StatementCounter implements QueryInterceptor {

    private static final Pattern LITERALS = Pattern.compile("'[^']*'|\\b\\d+\\b");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Map<String, LongAdder> BY_SHAPE = new ConcurrentHashMap<>();
    private static final LongAdder TOTAL = new LongAdder();

    public static long total() {
        return TOTAL.sum();
    }

    /** Counts by statement shape (literals replaced by ?, first 110 characters). */
    public static Map<String, Long> snapshot() {
        Map<String, Long> copy = new TreeMap<>();
        BY_SHAPE.forEach((shape, count) -> copy.put(shape, count.sum()));
        return copy;
    }

    static String shape(String sql) {
        String flat = SPACES.matcher(LITERALS.matcher(sql).replaceAll("?")).replaceAll(" ").strip();
        return flat.length() > 110 ? flat.substring(0, 110) : flat;
    }

    @Override
    public QueryInterceptor init(MysqlConnection conn, Properties props, Log log) {
        return this;
    }

    @Override
    public <T extends Resultset> T preProcess(Supplier<String> sql, Query interceptedQuery) {
        TOTAL.increment();
        String text = sql.get();
        BY_SHAPE.computeIfAbsent(shape(text == null ? "(null)" : text), key -> new LongAdder()).increment();
        return null;
    }

    @Override
    public boolean executeTopLevelOnly() {
        return true;
    }

    @Override
    public void destroy() {
    }

    @Override
    public <T extends Resultset> T postProcess(Supplier<String> sql, Query interceptedQuery, T originalResultSet,
                                              ServerSession serverSession) {
        return null;
    }
}

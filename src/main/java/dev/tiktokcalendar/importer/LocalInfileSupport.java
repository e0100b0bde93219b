package dev.tiktokcalendar.importer;

import com.mysql.cj.conf.PropertyKey;
import com.mysql.cj.conf.PropertySet;
import com.mysql.cj.jdbc.JdbcConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Whether the import can write through {@link LocalInfileLoads}: the server takes {@code LOAD DATA LOCAL}
 * ({@code local_infile}, on by default in MariaDB, off in MySQL 8) and the driver's connections announce the
 * capability ({@code allowLoadLocalInfileInPath} or {@code allowLoadLocalInfile} set; the default settings
 * name a path that holds no file). Otherwise it writes multi-row {@code INSERT}s. Asked once.
 */
@Component
public class LocalInfileSupport {

    private static final Logger log = LoggerFactory.getLogger(LocalInfileSupport.class);

    private final JdbcTemplate jdbc;
    private volatile Boolean available;

    public LocalInfileSupport(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public boolean available() {
        Boolean known = available;
        if (known == null) {
            known = ask();
            available = known;
        }
        return known;
    }

    private boolean ask() {
        try {
            boolean client = Boolean.TRUE.equals(jdbc.execute((ConnectionCallback<Boolean>) connection -> {
                if (!connection.isWrapperFor(JdbcConnection.class)) {
                    return false;
                }
                PropertySet properties = connection.unwrap(JdbcConnection.class).getPropertySet();
                return properties.getBooleanProperty(PropertyKey.allowLoadLocalInfile).getValue()
                        || properties.getStringProperty(PropertyKey.allowLoadLocalInfileInPath).isExplicitlySet();
            }));
            Integer server = jdbc.queryForObject("SELECT @@local_infile", Integer.class);
            boolean usable = client && server != null && server == 1;
            log.info("The calendar import writes new posts with {} (driver announces LOCAL INFILE: {}, server local_infile: {})",
                    usable ? "LOAD DATA LOCAL INFILE" : "multi-row INSERTs", client, server);
            return usable;
        } catch (DataAccessException e) {
            log.info("The calendar import writes new posts with multi-row INSERTs (LOCAL INFILE support unknown: {})", e.getMessage());
            return false;
        }
    }
}

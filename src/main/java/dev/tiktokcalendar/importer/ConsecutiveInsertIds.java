package dev.tiktokcalendar.importer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Whether InnoDB gives the rows of one multi-row {@code INSERT} consecutive ids, so that the driver's generated
 * keys (the first id, then one {@code auto_increment_increment} further per row) are the ids of the rows. That
 * holds with {@code innodb_autoinc_lock_mode} 0 or 1 (MariaDB's default); in interleaved mode (2, MySQL 8's
 * default) a concurrent insert can take ids in between, and the ids must be looked up. The mode cannot change
 * on a running server, so it is asked once.
 */
@Component
public class ConsecutiveInsertIds {

    private static final Logger log = LoggerFactory.getLogger(ConsecutiveInsertIds.class);

    private final JdbcTemplate jdbc;
    private volatile Boolean guaranteed;

    public ConsecutiveInsertIds(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public boolean guaranteed() {
        Boolean known = guaranteed;
        if (known == null) {
            known = ask();
            guaranteed = known;
        }
        return known;
    }

    private boolean ask() {
        try {
            Integer mode = jdbc.queryForObject("SELECT @@innodb_autoinc_lock_mode", Integer.class);
            boolean consecutive = mode != null && mode <= 1;
            log.info("innodb_autoinc_lock_mode = {}: the calendar import {}", mode, consecutive
                    ? "takes the ids of inserted posts from the generated keys"
                    : "looks the ids of inserted posts up by key (interleaved ids)");
            return consecutive;
        } catch (DataAccessException e) {
            log.info("innodb_autoinc_lock_mode cannot be read ({}): the calendar import looks post ids up by key", e.getMessage());
            return false;
        }
    }
}

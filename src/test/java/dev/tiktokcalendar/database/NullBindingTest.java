package dev.tiktokcalendar.database;

import dev.tiktokcalendar.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A null bound without a type goes to Connector/J as {@code Types.NULL} at once (spring.properties): asking the driver
 * for the parameter's type first costs an SQLException with its stack trace per null, as the driver has no parameter
 * metadata for client-side prepared statements.
 */
class NullBindingTest {

    @Test
    void aNullIsBoundWithoutAskingTheDriverForParameterMetadata() {
        AtomicInteger metadataRequests = new AtomicInteger();
        DriverManagerDataSource database = new DriverManagerDataSource(TestDatabase.sharedSchemaUrl(),
                TestDatabase.username(), TestDatabase.password());
        JdbcClient jdbc = JdbcClient.create(new DelegatingDataSource(database) {
            @Override
            public Connection getConnection() throws SQLException {
                return countingMetadataRequests(super.getConnection(), metadataRequests);
            }
        });

        Boolean isNull = jdbc.sql("SELECT ? IS NULL").param(null).query(Boolean.class).single();

        assertThat(isNull).isTrue();
        assertThat(metadataRequests).hasValue(0);
    }

    private static Connection countingMetadataRequests(Connection connection, AtomicInteger requests) {
        return proxy(Connection.class, connection, (method, result) -> result instanceof PreparedStatement statement
                ? proxy(PreparedStatement.class, statement, (statementMethod, statementResult) -> {
                    if (statementMethod.getName().equals("getParameterMetaData")) {
                        requests.incrementAndGet();
                    }
                    return statementResult;
                })
                : result);
    }

    private interface ResultMapper {
        Object map(Method method, Object result);
    }

    private static <T> T proxy(Class<T> type, T target, ResultMapper mapper) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (self, method, args) -> {
            try {
                return mapper.map(method, method.invoke(target, args));
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }));
    }
}

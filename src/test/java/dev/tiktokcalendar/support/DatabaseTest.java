package dev.tiktokcalendar.support;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of Spring tests that run the application on the test run's shared schema of the real test database
 * ({@link TestDatabase}). The scheduler does not start by itself here; tests launch what they need.
 */
public abstract class DatabaseTest {

    @DynamicPropertySource
    static void testDatabase(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", TestDatabase::sharedSchemaUrl);
        registry.add("spring.datasource.username", TestDatabase::username);
        registry.add("spring.datasource.password", TestDatabase::password);
        registry.add("spring.quartz.auto-startup", () -> "false");
    }
}

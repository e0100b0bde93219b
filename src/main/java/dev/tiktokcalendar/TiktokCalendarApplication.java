package dev.tiktokcalendar;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The Spring Boot application: scheduler, jobs, web endpoints. Started by the CLI's commands. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class TiktokCalendarApplication {
}

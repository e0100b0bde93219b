package dev.tiktokcalendar.web.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * A user logged in with a one-time password (the generated admin's, or one given by {@code users add}) is sent to
 * {@code /console/password} from every console page until they have chosen their own.
 */
@Configuration(proxyBeanMethods = false)
public class PasswordChangeInterceptor implements HandlerInterceptor, WebMvcConfigurer {

    static final String PASSWORD_PAGE = "/console/password";

    private final ConsoleUsers users;

    public PasswordChangeInterceptor(ConsoleUsers users) {
        this.users = users;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).excludePathPatterns(PASSWORD_PAGE, SecurityConfiguration.WEBHOOK_PATH,
                "/media/**", "/login", "/logout", "/error", "/actuator/**");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (request.getUserPrincipal() != null && users.passwordChangeRequired(request.getUserPrincipal().getName())) {
            response.setStatus(HttpServletResponse.SC_SEE_OTHER);
            response.setHeader("Location", PASSWORD_PAGE);
            return false;
        }
        return true;
    }
}

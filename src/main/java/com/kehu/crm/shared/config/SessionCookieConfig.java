package com.kehu.crm.shared.config;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;

/**
 * The session cookie of Spring Session JDBC. Declared explicitly because on Boot 4 the {@code
 * server.servlet.session.cookie.*} properties did not reach Spring Session's cookie (it came out as a plain
 * {@code SESSION} cookie without HttpOnly or SameSite; see SignInIntegrationTests).
 */
@Configuration(proxyBeanMethods = false)
class SessionCookieConfig {

    @Bean
    CookieSerializer cookieSerializer(@Value("${crm.session.secure-cookie:false}") boolean secure) {
        DefaultCookieSerializer serializer = new DefaultCookieSerializer();
        serializer.setCookieName("KEHU_SESSION");
        serializer.setUseHttpOnlyCookie(true);
        serializer.setSameSite("Lax");
        serializer.setUseSecureCookie(secure);
        serializer.setCookiePath("/");
        return serializer;
    }
}

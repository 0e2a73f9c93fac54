package com.kehu.crm.identity;

import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Two filter chains: the JSON API under {@code /api/**} (HTTP Basic, stateless, no CSRF because no cookie is
 * involved) and the browser screens (form login, session in PostgreSQL, CSRF). URL rules are the coarse gate;
 * record rules live in the services and queries.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfig {

    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
            + " font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; form-action 'self';"
            + " base-uri 'self'; object-src 'none'";
    /** Swagger UI ships inline styles and one inline bootstrap script; it gets a looser policy on its own paths. */
    static final String SWAGGER_CSP = "default-src 'self'; script-src 'self' 'unsafe-inline';"
            + " style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'; form-action 'self';"
            + " base-uri 'self'; object-src 'none'";

    @Bean
    static RoleHierarchy roleHierarchy() {
        return RoleHierarchyImpl.fromHierarchy("""
                ROLE_ADMIN > ROLE_MANAGER
                ROLE_MANAGER > ROLE_SALES_REP
                ROLE_MANAGER > ROLE_SUPPORT_AGENT
                ROLE_MANAGER > ROLE_MARKETER""");
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    AuthenticationManager authenticationManager(
            CrmUserDetailsService userDetailsService,
            PasswordEncoder encoder,
            LoginThrottle throttle,
            ApplicationEventPublisher events) {
        DaoAuthenticationProvider dao = new DaoAuthenticationProvider(userDetailsService);
        dao.setPasswordEncoder(encoder);
        ProviderManager manager = new ProviderManager(new ThrottlingAuthenticationProvider(dao, throttle));
        manager.setEraseCredentialsAfterAuthentication(true);
        // failed sign-ins (form and API) reach SignInAudit as AbstractAuthenticationFailureEvents
        manager.setAuthenticationEventPublisher(new DefaultAuthenticationEventPublisher(events));
        return manager;
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiChain(HttpSecurity http, AuthenticationManager authenticationManager) throws Exception {
        http.securityMatcher("/api/**")
                .authenticationManager(authenticationManager)
                .authorizeHttpRequests(auth -> {
                    auth.requestMatchers("/api/v1/customers/duplicates", "/api/v1/customers/*/merge")
                            .hasRole(Role.MANAGER.name());
                    auth.requestMatchers("/api/v1/imports", "/api/v1/imports/**")
                            .hasRole(Role.MANAGER.name());
                    // starting analytics computations: managers and admins (reading follows the record rules)
                    auth.requestMatchers("/api/v1/analytics/refresh", "/api/v1/analytics/refresh/**")
                            .hasRole(Role.MANAGER.name());
                    auth.requestMatchers("/api/v1/analytics/clv/**").hasRole(Role.MANAGER.name());
                    auth.requestMatchers(HttpMethod.PUT, "/api/v1/analytics/parameters")
                            .hasRole(Role.ADMIN.name());
                    customerRules(auth, "/api/v1/customers");
                    customerRules(auth, "/api/v1/contacts");
                    customerRules(auth, "/api/v1/opportunities");
                    sellerRules(auth, "/api/v1/pipeline");
                    customerRules(auth, "/api/v1/orders");
                    productRules(auth, "/api/v1/products");
                    supportRules(auth, "/api/v1/tickets");
                    auth.requestMatchers("/api/v1/leads", "/api/v1/leads/**").hasRole(Role.SALES_REP.name());
                    auth.requestMatchers("/api/v1/activities", "/api/v1/activities/**")
                            .hasRole(Role.SALES_REP.name());
                    supportRules(auth, "/api/v1/surveys");
                    knowledgeBaseRules(auth, "/api/v1/kb");
                    auth.requestMatchers("/api/v1/calls", "/api/v1/calls/**")
                            .hasAnyRole(Role.SALES_REP.name(), Role.SUPPORT_AGENT.name());
                    marketingRules(auth, "/api/v1/campaigns");
                    marketingRules(auth, "/api/v1/segments");
                    auth.requestMatchers("/api/v1/audit", "/api/v1/audit/**").hasRole(Role.ADMIN.name());
                    auth.anyRequest().authenticated();
                })
                .httpBasic(basic -> basic.authenticationEntryPoint((request, response, e) -> problem(
                        response, HttpServletResponse.SC_UNAUTHORIZED, "Unauthorized", "Sign in with HTTP Basic.")))
                .exceptionHandling(ex -> ex.accessDeniedHandler((request, response, e) -> problem(
                        response, HttpServletResponse.SC_FORBIDDEN, "Forbidden", "Your role does not allow this.")))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives(CSP))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain webChain(HttpSecurity http, AuthenticationManager authenticationManager) throws Exception {
        RequestMatcher swagger = new OrRequestMatcher(
                PathPatternRequestMatcher.pathPattern("/swagger-ui/**"),
                PathPatternRequestMatcher.pathPattern("/swagger-ui.html"));
        http.authenticationManager(authenticationManager)
                .authorizeHttpRequests(auth -> {
                    auth.requestMatchers(
                                    "/login",
                                    "/error",
                                    "/webjars/**",
                                    "/assets/**",
                                    "/favicon.ico",
                                    "/actuator/health",
                                    "/actuator/health/**",
                                    "/actuator/info")
                            .permitAll();
                    // the customer's survey link: no account, the single-use token is the credential
                    auth.requestMatchers("/s/**").permitAll();
                    auth.requestMatchers("/admin/**").hasRole(Role.ADMIN.name());
                    customerRules(auth, "/customers");
                    customerRules(auth, "/contacts");
                    sellerRules(auth, "/opportunities/board");
                    sellerRules(auth, "/opportunities/forecast");
                    customerRules(auth, "/opportunities");
                    customerRules(auth, "/orders");
                    productRules(auth, "/products");
                    supportRules(auth, "/tickets");
                    auth.requestMatchers("/leads", "/leads/**").hasRole(Role.SALES_REP.name());
                    // logging sales activities is sellers' work; support reads the customer timeline under /customers
                    auth.requestMatchers("/activities/**", "/tasks", "/tasks/**", "/my-day")
                            .hasRole(Role.SALES_REP.name());
                    auth.requestMatchers("/team/**").hasRole(Role.MANAGER.name());
                    supportRules(auth, "/surveys");
                    // linking an article to a ticket ("solved by") is for whoever may see the ticket (checked in
                    // KbService)
                    auth.requestMatchers(HttpMethod.POST, "/kb/articles/*/links", "/kb/articles/*/unlink")
                            .hasAnyRole(Role.SALES_REP.name(), Role.SUPPORT_AGENT.name());
                    auth.requestMatchers("/kb/articles/new", "/kb/articles/*/edit")
                            .hasRole(Role.SUPPORT_AGENT.name());
                    knowledgeBaseRules(auth, "/kb");
                    auth.requestMatchers("/calls", "/calls/**")
                            .hasAnyRole(Role.SALES_REP.name(), Role.SUPPORT_AGENT.name());
                    marketingRules(auth, "/campaigns");
                    marketingRules(auth, "/segments");
                    // reorder reminders are the sellers' list; care programmes are read by sellers and marketers and
                    // changed by managers (checked in the care service)
                    auth.requestMatchers("/care/reorder", "/care/reorder/**").hasRole(Role.SALES_REP.name());
                    // data quality work (duplicates and merge, later imports): managers and admins
                    auth.requestMatchers("/data", "/data/**").hasRole(Role.MANAGER.name());
                    auth.requestMatchers("/care", "/care/**").hasAnyRole(Role.SALES_REP.name(), Role.MARKETER.name());
                    // dashboards: each for its role and those above it; the customer lists behind the figures for
                    // whoever reads customers (the record rules narrow them in the query)
                    auth.requestMatchers("/analytics/manager", "/analytics/manager/**")
                            .hasRole(Role.MANAGER.name());
                    auth.requestMatchers("/analytics/rep", "/analytics/rep/**").hasRole(Role.SALES_REP.name());
                    auth.requestMatchers("/analytics/support", "/analytics/support/**")
                            .hasRole(Role.SUPPORT_AGENT.name());
                    auth.requestMatchers(
                                    "/analytics/customers",
                                    "/analytics/customers/**",
                                    "/analytics/deals",
                                    "/analytics/deals/**",
                                    "/analytics/tickets",
                                    "/analytics/tickets/**")
                            .hasAnyRole(Role.SALES_REP.name(), Role.SUPPORT_AGENT.name());
                    auth.anyRequest().authenticated();
                })
                .formLogin(form -> form.loginPage("/login")
                        .successHandler(new LanguageRestoringSuccessHandler())
                        .failureHandler((request, response, e) -> response.sendRedirect(request.getContextPath()
                                + (e instanceof LockedException ? "/login?locked" : "/login?error")))
                        .permitAll())
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
                .headers(h -> h.frameOptions(f -> f.deny())
                        .referrerPolicy(r ->
                                r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                                swagger, new StaticHeadersWriter("Content-Security-Policy", SWAGGER_CSP)))
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                                new NegatedRequestMatcher(swagger),
                                new StaticHeadersWriter("Content-Security-Policy", CSP))));
        return http.build();
    }

    /** Reading customers: sellers, support and those above them; changing them: sellers and above. */
    private static void customerRules(
            org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer<HttpSecurity>
                            .AuthorizationManagerRequestMatcherRegistry
                    auth,
            String base) {
        auth.requestMatchers(HttpMethod.GET, base, base + "/**")
                .hasAnyRole(Role.SALES_REP.name(), Role.SUPPORT_AGENT.name());
        auth.requestMatchers(base, base + "/**").hasRole(Role.SALES_REP.name());
    }

    /** Sales management screens (the board, the forecast): sellers and those above them only. */
    private static void sellerRules(
            org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer<HttpSecurity>
                            .AuthorizationManagerRequestMatcherRegistry
                    auth,
            String base) {
        auth.requestMatchers(base, base + "/**").hasRole(Role.SALES_REP.name());
    }

    /**
     * Support's screens (tickets, surveys): support agents and sellers and those above them; who may see and work
     * which ticket or survey is decided by the record rules in the services.
     */
    private static void supportRules(
            org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer<HttpSecurity>
                            .AuthorizationManagerRequestMatcherRegistry
                    auth,
            String base) {
        auth.requestMatchers(base, base + "/**").hasAnyRole(Role.SALES_REP.name(), Role.SUPPORT_AGENT.name());
    }

    /** Campaigns and segments: marketers and those above them (managers, admins). */
    private static void marketingRules(
            org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer<HttpSecurity>
                            .AuthorizationManagerRequestMatcherRegistry
                    auth,
            String base) {
        auth.requestMatchers(base, base + "/**").hasRole(Role.MARKETER.name());
    }

    /** The price list: read by sellers and support; changed by managers and admins. */
    private static void productRules(
            org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer<HttpSecurity>
                            .AuthorizationManagerRequestMatcherRegistry
                    auth,
            String base) {
        auth.requestMatchers(HttpMethod.GET, base, base + "/**")
                .hasAnyRole(Role.SALES_REP.name(), Role.SUPPORT_AGENT.name());
        auth.requestMatchers(base, base + "/**").hasRole(Role.MANAGER.name());
    }

    /** The knowledge base: read by sellers and support (drafts only by support); written by support and above. */
    private static void knowledgeBaseRules(
            org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer<HttpSecurity>
                            .AuthorizationManagerRequestMatcherRegistry
                    auth,
            String base) {
        auth.requestMatchers(HttpMethod.GET, base, base + "/**")
                .hasAnyRole(Role.SALES_REP.name(), Role.SUPPORT_AGENT.name());
        auth.requestMatchers(base, base + "/**").hasRole(Role.SUPPORT_AGENT.name());
    }

    private static void problem(HttpServletResponse response, int status, String title, String detail)
            throws java.io.IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        if (status == HttpServletResponse.SC_UNAUTHORIZED) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"Kehu CRM\"");
        }
        // JSON is UTF-8 by definition (RFC 8259), so no charset parameter, like Spring's own problem responses
        response.getOutputStream()
                .write(("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\""
                                + detail + "\"}")
                        .getBytes(StandardCharsets.UTF_8));
    }
}

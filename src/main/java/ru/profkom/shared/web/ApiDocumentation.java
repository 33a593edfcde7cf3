package ru.profkom.shared.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI description served at {@code /v3/api-docs} and browsable at {@code /swagger-ui.html}. */
@Configuration
class ApiDocumentation {

    @Bean
    OpenAPI profkomOpenApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Профком REST API")
                        .version("v1")
                        .description(
                                "REST API цифровой платформы профсоюза. Каждый запрос проверяется по ролям пользователя: "
                                        + "роль действует в своей организации и во всём её поддереве, объекты вне поддерева отвечают 404. "
                                        + "Ошибки — в формате RFC 9457 (application/problem+json) с русскими сообщениями по полям в `errors`. "
                                        + "Аутентификация — HTTP Basic с логином и паролем учётной записи."))
                .components(new Components()
                        .addSecuritySchemes(
                                "basic",
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("basic")))
                .addSecurityItem(new SecurityRequirement().addList("basic"));
    }
}

package ru.profkom.shared.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.math.BigDecimal;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import ru.profkom.shared.PageRequest;

/** The OpenAPI description served at {@code /v3/api-docs} and browsable at {@code /swagger-ui.html}. */
@Configuration
class ApiDocumentation {

    static {
        // A PageRequest is read by PageRequests, not bound from a query object: its parameters are described below.
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(PageRequest.class);
    }

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

    /** The paging parameters of every list of the API, as {@link PageRequests} reads them. */
    @Bean
    OperationCustomizer pagingParameters() {
        return (operation, handler) -> {
            for (MethodParameter parameter : handler.getMethodParameters()) {
                if (parameter.getParameterType() != PageRequest.class) {
                    continue;
                }
                Paged paged = parameter.getParameterAnnotation(Paged.class);
                int size = paged == null ? PageRequest.DEFAULT_SIZE : paged.size();
                operation.addParametersItem(new Parameter()
                        .in("query")
                        .name(paged == null ? PageRequests.PAGE : paged.value())
                        .required(false)
                        .description("Номер страницы, с 0; отрицательный — первая страница")
                        .schema(new IntegerSchema()._default(0).minimum(BigDecimal.ZERO)));
                if (paged == null || paged.sizeFromRequest()) {
                    operation.addParametersItem(new Parameter()
                            .in("query")
                            .name(PageRequests.SIZE)
                            .required(false)
                            .description("Строк на странице, не больше " + PageRequest.MAX_SIZE)
                            .schema(new IntegerSchema()
                                    ._default(size)
                                    .minimum(BigDecimal.ONE)
                                    .maximum(BigDecimal.valueOf(PageRequest.MAX_SIZE))));
                }
            }
            return operation;
        };
    }
}

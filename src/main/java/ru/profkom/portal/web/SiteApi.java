package ru.profkom.portal.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import ru.profkom.portal.Feedback;
import ru.profkom.portal.PortalSites;
import ru.profkom.portal.Site;
import ru.profkom.portal.SiteDocument;
import ru.profkom.portal.SiteForm;
import ru.profkom.shared.Page;
import ru.profkom.shared.PageRequest;

@RestController
@Tag(
        name = "Публичная страница",
        description = "Адрес, тексты, документы и обратная связь публичной страницы организации; для её "
                + "информационного работника, председателя и администраторов")
class SiteApi {

    private final PortalSites sites;

    SiteApi(PortalSites sites) {
        this.sites = sites;
    }

    @GetMapping("/api/v1/organizations/{id}/site")
    @Operation(summary = "Настройки публичной страницы (для ещё не сохранённой — предлагаемый адрес)")
    SiteForm site(@PathVariable long id) {
        return sites.form(id);
    }

    @PutMapping("/api/v1/organizations/{id}/site")
    @Operation(
            summary = "Сохранить адрес и тексты публичной страницы",
            description = "Адрес — латиница, цифры и дефис, 3–60 знаков, не служебное слово; version — прочитанная "
                    + "версия (null для первой публикации)")
    Site save(@PathVariable long id, @RequestBody SiteForm form) {
        return sites.save(id, form);
    }

    @GetMapping("/api/v1/organizations/{id}/site/documents")
    @Operation(summary = "Документы публичной страницы")
    java.util.List<SiteDocument> documents(@PathVariable long id) {
        return sites.documents(id);
    }

    @GetMapping("/api/v1/organizations/{id}/site/feedback")
    @Operation(summary = "Сообщения посетителей через форму обратной связи, новые первыми")
    Page<Feedback> feedback(@PathVariable long id, PageRequest page) {
        return sites.feedback(id, page);
    }
}

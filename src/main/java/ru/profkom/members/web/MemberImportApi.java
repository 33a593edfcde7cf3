package ru.profkom.members.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import ru.profkom.members.imports.ImportField;
import ru.profkom.members.imports.MemberImports;
import ru.profkom.members.imports.MemberImports.ImportProblem;
import ru.profkom.members.imports.MemberImports.MemberImport;
import ru.profkom.shared.Page;
import ru.profkom.shared.PageRequest;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Импорт членов", description = "Загрузка CSV и XLSX: проверка строк, сопоставление столбцов, применение")
class MemberImportApi {

    private final MemberImports imports;

    MemberImportApi(MemberImports imports) {
        this.imports = imports;
    }

    record MappingRequest(List<ImportField> mapping) {}

    /** The multipart form of an upload, for the API description: the body is read by the import itself. */
    record UploadForm(
            @io.swagger.v3.oas.annotations.media.Schema(
                    type = "string",
                    format = "binary",
                    description = "CSV (UTF-8 или windows-1251) или XLSX")
            String file) {}

    @PostMapping(path = "/organizations/{id}/member-imports")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Загрузить файл: строки проверяются, реестр не меняется до применения",
            description = "Файл — часть multipart «file», CSV или XLSX не больше 100 МБ; больший файл отклоняется"
                    + " ответом 413 с русским описанием проблемы (RFC 9457), ничего не загружая.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            content =
                    @io.swagger.v3.oas.annotations.media.Content(
                            mediaType = MediaType.MULTIPART_FORM_DATA_VALUE,
                            schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = UploadForm.class)))
    MemberImport upload(@PathVariable long id, HttpServletRequest request) throws IOException {
        imports.checkCanImport(id);
        MultipartFile file = MemberImportPages.fileOf(request);
        return imports.upload(id, fileName(file), MemberImportPages.bytesOf(file));
    }

    @GetMapping("/organizations/{id}/member-imports")
    @Operation(summary = "Импорты организации, новые первыми")
    Page<MemberImport> list(@PathVariable long id, PageRequest page) {
        return imports.ofOrganization(id, page);
    }

    @GetMapping("/member-imports/{importId}")
    @Operation(summary = "Состояние импорта и ход применения")
    MemberImport get(@PathVariable long importId) {
        return imports.get(importId);
    }

    @GetMapping("/member-imports/{importId}/problems")
    @Operation(summary = "Ошибки строк: строка, столбец и причина")
    Page<ImportProblem> problems(@PathVariable long importId, PageRequest page) {
        return imports.problems(importId, page);
    }

    @PutMapping("/member-imports/{importId}/mapping")
    @Operation(summary = "Сопоставить столбцы с полями заново и проверить строки снова")
    MemberImport remap(@PathVariable long importId, @RequestBody MappingRequest request) {
        return imports.remap(importId, request.mapping());
    }

    @PostMapping("/member-imports/{importId}/apply")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Применить верные строки в фоне; ход виден в состоянии импорта")
    MemberImport apply(@PathVariable long importId) {
        return imports.apply(importId);
    }

    @GetMapping("/member-imports/{importId}/errors")
    @Operation(summary = "Непринятые строки файлом CSV (UTF-8) со столбцом «Ошибка»")
    void errors(@PathVariable long importId, HttpServletResponse response) throws IOException {
        MemberImport memberImport = imports.get(importId);
        response.setContentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8).toString());
        response.setHeader(
                "Content-Disposition",
                org.springframework.http.ContentDisposition.attachment()
                        .filename(
                                MemberImportPages.errorFileName(memberImport), java.nio.charset.StandardCharsets.UTF_8)
                        .build()
                        .toString());
        imports.writeErrors(importId, response.getOutputStream());
    }

    private static String fileName(MultipartFile file) {
        return file == null ? null : file.getOriginalFilename();
    }
}

package ru.profkom.members.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import ru.profkom.members.imports.ImportField;
import ru.profkom.members.imports.ImportParser;
import ru.profkom.members.imports.MemberImports;
import ru.profkom.members.imports.MemberImports.MemberImport;
import ru.profkom.organizations.Organizations;
import ru.profkom.shared.PageRequest;
import ru.profkom.shared.ProfkomException;
import ru.profkom.shared.web.FormRefusals;
import ru.profkom.shared.web.OversizedUploads;
import ru.profkom.shared.web.Paged;
import ru.profkom.shared.web.Texts;

/** Upload, preview with the column mapping and the problems, progress and result of an import. */
@Controller
class MemberImportPages {

    private static final int IMPORTS_PAGE = 20;

    private static final int PROBLEMS_PAGE = 50;

    private final MemberImports imports;
    private final Organizations organizations;
    private final Texts texts;
    private final FormRefusals refusals;

    MemberImportPages(MemberImports imports, Organizations organizations, Texts texts, FormRefusals refusals) {
        this.imports = imports;
        this.organizations = organizations;
        this.texts = texts;
        this.refusals = refusals;
    }

    @GetMapping("/orgs/{id}/members/import")
    String uploadForm(@PathVariable long id, @Paged(size = IMPORTS_PAGE) PageRequest page, Model model) {
        model.addAttribute("imports", imports.ofOrganization(id, page));
        model.addAttribute("organization", organizations.get(id));
        model.addAttribute("maxMegabytes", ImportParser.MAX_FILE_BYTES / 1024 / 1024);
        return "members/import-upload";
    }

    @PostMapping("/orgs/{id}/members/import")
    String upload(@PathVariable long id, HttpServletRequest request, HttpServletResponse response, Model model)
            throws IOException {
        imports.checkCanImport(id);
        try {
            MultipartFile file = fileOf(request);
            MemberImport created = imports.upload(id, file == null ? null : file.getOriginalFilename(), bytesOf(file));
            return "redirect:/member-imports/" + created.id();
        } catch (ProfkomException e) {
            refusals.show(model, e);
            return uploadForm(id, new PageRequest(0, IMPORTS_PAGE), model);
        }
    }

    @GetMapping("/member-imports/{importId}")
    String show(@PathVariable long importId, @Paged(size = PROBLEMS_PAGE) PageRequest page, Model model) {
        MemberImport memberImport = imports.get(importId);
        model.addAttribute("imp", memberImport);
        model.addAttribute("organization", organizations.get(memberImport.organizationId()));
        model.addAttribute("problems", imports.problems(importId, page));
        model.addAttribute("fields", ImportField.values());
        return "members/import";
    }

    @GetMapping("/member-imports/{importId}/progress")
    String progress(@PathVariable long importId, Model model) {
        model.addAttribute("imp", imports.get(importId));
        return "members/import :: progress";
    }

    @PostMapping("/member-imports/{importId}/mapping")
    String remap(
            @PathVariable long importId,
            @RequestParam(name = "field", required = false) List<ImportField> fields,
            Model model,
            RedirectAttributes redirect) {
        try {
            imports.remap(importId, fields == null ? new ArrayList<>() : fields);
        } catch (ProfkomException e) {
            refusals.show(model, e);
            return show(importId, new PageRequest(0, PROBLEMS_PAGE), model);
        }
        return "redirect:/member-imports/" + importId;
    }

    @PostMapping("/member-imports/{importId}/apply")
    String apply(@PathVariable long importId) {
        imports.apply(importId);
        return "redirect:/member-imports/" + importId;
    }

    @GetMapping("/member-imports/{importId}/errors.csv")
    void errors(@PathVariable long importId, HttpServletResponse response) throws IOException {
        MemberImport memberImport = imports.get(importId);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(
                "Content-Disposition",
                ContentDisposition.attachment()
                        .filename(errorFileName(memberImport), StandardCharsets.UTF_8)
                        .build()
                        .toString());
        imports.writeErrors(importId, response.getOutputStream());
    }

    /**
     * The uploaded file of the request's {@code file} part. The multipart body is parsed here, lazily
     * ({@code spring.servlet.multipart.resolve-lazily}), after access was checked, so that a body over the
     * servlet's limit becomes a refusal naming the file's size rather than the container's generic error.
     */
    static MultipartFile fileOf(HttpServletRequest request) {
        long declared = OversizedUploads.oversizedBytes(request);
        if (declared > 0) {
            throw overLimit(declared);
        }
        MultipartHttpServletRequest multipart =
                org.springframework.web.util.WebUtils.getNativeRequest(request, MultipartHttpServletRequest.class);
        if (multipart == null) {
            return null;
        }
        try {
            return multipart.getFile("file");
        } catch (MaxUploadSizeExceededException e) {
            throw overLimit(request.getContentLengthLong());
        }
    }

    private static ProfkomException overLimit(long size) {
        long limit = ImportParser.MAX_FILE_BYTES / 1024 / 1024;
        if (size <= 0) {
            return ProfkomException.tooLarge("file", "member.import.tooLarge", limit);
        }
        String megabytes = String.format(java.util.Locale.ROOT, "%.1f", size / 1024.0 / 1024.0)
                .replace('.', ',');
        return ProfkomException.tooLarge("file", "member.import.overLimit", limit, megabytes);
    }

    /**
     * The file's bytes, refused before reading when over the limit. A request without the part, or a
     * form sent without choosing a file (the browser sends an empty part without a name), is told that
     * no file was chosen, not that the file is empty.
     */
    static byte[] bytesOf(MultipartFile file) throws IOException {
        if (file == null) {
            throw ProfkomException.invalid("file", "member.import.noFilePart");
        }
        if (file.isEmpty()) {
            String name = file.getOriginalFilename();
            throw ProfkomException.invalid(
                    "file", name == null || name.isBlank() ? "member.import.noFile" : "member.import.empty");
        }
        if (file.getSize() > ImportParser.MAX_FILE_BYTES) {
            throw ImportParser.tooLarge();
        }
        return file.getBytes();
    }

    static String errorFileName(MemberImport memberImport) {
        String name = memberImport.fileName().replaceAll("\\.[A-Za-z0-9]{1,5}$", "");
        return name + "-ошибки.csv";
    }
}

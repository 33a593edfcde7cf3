package ru.profkom.publications;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.ngram.EdgeNGramTokenFilter;
import org.apache.lucene.analysis.pattern.PatternReplaceFilter;
import org.apache.lucene.analysis.ru.RussianAnalyzer;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import ru.profkom.publications.PublicationRepository.Indexed;
import ru.profkom.shared.ProfkomSettings;

/**
 * The Lucene index of publications on disk ({@code profkom.publications.index-dir}). Words are found
 * by their Russian stem (RussianAnalyzer) and, because the stemmer maps "профсоюзной" and "профсоюза"
 * to different stems, also as a prefix of the unstemmed words. Prefixes are indexed (edge n-grams of
 * every word), so a prefix is one term to look up rather than thousands of words to expand while the
 * visitor waits. Each document lists the ids of its
 * organization and all ancestors, so a search is filtered to what the user may see in one clause. The
 * database is the truth: a missing index is rebuilt from it, and changes are applied after each commit.
 */
@Component
class PublicationIndex implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(PublicationIndex.class);
    static final int MIN_PREFIX = 4;
    static final int MAX_PREFIX = 30;
    /** Changes whenever documents are indexed differently: an index of another format is rebuilt. */
    static final String FORMAT = "2-edge-prefixes";

    private static final String FORMAT_KEY = "profkom.format";

    private final Path directory;
    private final Analyzer russian = new RussianAnalyzer();
    private final Analyzer raw = new RawAnalyzer();
    private final FSDirectory store;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final AtomicBoolean rebuilding = new AtomicBoolean();

    @Autowired
    PublicationIndex(ProfkomSettings settings) {
        this(settings.publications().indexDir());
    }

    PublicationIndex(Path directory) {
        this.directory = directory.toAbsolutePath();
        try {
            Files.createDirectories(this.directory);
            store = FSDirectory.open(this.directory);
            PerFieldAnalyzerWrapper analyzer = new PerFieldAnalyzerWrapper(russian, java.util.Map.of("prefixes", raw));
            IndexWriterConfig config = new IndexWriterConfig(analyzer).setRAMBufferSizeMB(64);
            writer = new IndexWriter(store, config);
            searchers = new SearcherManager(writer, null);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the publication index at " + this.directory, e);
        }
    }

    /**
     * Whether the index must be rebuilt from the database: it holds no document (a new or deleted
     * directory) or was written in an older format.
     */
    boolean needsRebuild() {
        if (writer.getDocStats().numDocs == 0) {
            return true;
        }
        try {
            return !FORMAT.equals(
                    SegmentInfos.readLatestCommit(store).getUserData().get(FORMAT_KEY));
        } catch (IOException e) {
            return true;
        }
    }

    /**
     * A result page of ids in order of relevance and the number of hits: exact, or a lower bound
     * ({@code totalAtLeast}) where counting further would cost more than finding the page.
     */
    record Hits(List<Long> ids, long total, boolean totalAtLeast) {}

    void put(Indexed publication) {
        try {
            writer.updateDocument(new Term("id", String.valueOf(publication.id())), document(publication));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void remove(long id) {
        try {
            writer.deleteDocuments(new Term("id", String.valueOf(id)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Makes what was put visible to searches and durable on disk. */
    void commit() {
        try {
            writer.setLiveCommitData(java.util.Map.of(FORMAT_KEY, FORMAT).entrySet());
            writer.commit();
            searchers.maybeRefresh();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Rebuilds the index from the database; concurrent changes are applied as usual. */
    void rebuild(PublicationRepository repository) {
        if (!rebuilding.compareAndSet(false, true)) {
            return;
        }
        try {
            long started = System.nanoTime();
            writer.deleteAll();
            long[] count = {0};
            repository.forEachIndexed(5_000, chunk -> {
                chunk.forEach(this::put);
                count[0] += chunk.size();
            });
            commit();
            log.info(
                    "Publication index rebuilt at {}: {} publications in {} ms",
                    directory,
                    count[0],
                    (System.nanoTime() - started) / 1_000_000);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            rebuilding.set(false);
        }
    }

    /**
     * Finds publications with every word of the query; {@code visibleIn} null means no restriction,
     * else published ones and those of organizations inside the listed subtrees.
     */
    Hits search(String text, List<Long> visibleIn, int offset, int size) {
        Query words = query(text);
        if (words == null) {
            return new Hits(List.of(), 0, false);
        }
        BooleanQuery.Builder query = new BooleanQuery.Builder().add(words, Occur.MUST);
        if (visibleIn != null) {
            // Nearly every document is published and visible to all: rather than intersect with the huge
            // "published" list, exclude the few unpublished ones outside the user's subtrees.
            BooleanQuery.Builder hidden = new BooleanQuery.Builder()
                    .add(new TermQuery(new Term("status", PublicationStatus.DRAFT.name())), Occur.SHOULD)
                    .add(new TermQuery(new Term("status", PublicationStatus.UNPUBLISHED.name())), Occur.SHOULD)
                    .setMinimumNumberShouldMatch(1);
            if (!visibleIn.isEmpty()) {
                hidden.add(
                        new TermInSetQuery(
                                "org",
                                visibleIn.stream()
                                        .map(id -> new BytesRef(String.valueOf(id)))
                                        .toList()),
                        Occur.MUST_NOT);
            }
            query.add(hidden.build(), Occur.MUST_NOT);
        }
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                TopDocs top = searcher.search(query.build(), Math.max(1, offset + size));
                List<Long> ids = new ArrayList<>();
                var stored = searcher.storedFields();
                ScoreDoc[] docs = top.scoreDocs;
                for (int i = offset; i < docs.length; i++) {
                    ids.add(Long.parseLong(stored.document(docs[i].doc).get("id")));
                }
                return new Hits(
                        ids,
                        top.totalHits.value(),
                        top.totalHits.relation() == TotalHits.Relation.GREATER_THAN_OR_EQUAL_TO);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Query query(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        int words = 0;
        for (String word : tokens(raw, "words", text)) {
            List<String> stems = tokens(russian, "text", word);
            BooleanQuery.Builder either = new BooleanQuery.Builder();
            String stem = stems.isEmpty() ? null : stems.getFirst();
            if (stem == null) {
                continue; // a stop word
            }
            either.add(new BoostQuery(new TermQuery(new Term("title", stem)), 2f), Occur.SHOULD);
            either.add(new TermQuery(new Term("text", stem)), Occur.SHOULD);
            // The stem as a prefix when it is long enough ("профсоюзн" finds every form), else the word
            // as typed; prefixes longer than the indexed ones are cut to the longest indexed.
            String prefix = stem.length() >= MIN_PREFIX ? stem : word;
            either.add(
                    new TermQuery(new Term("prefixes", prefix.substring(0, Math.min(prefix.length(), MAX_PREFIX)))),
                    Occur.SHOULD);
            all.add(either.build(), Occur.MUST);
            words++;
            if (words == 8) {
                break;
            }
        }
        return words == 0 ? new MatchNoDocsQuery() : all.build();
    }

    private static List<String> tokens(Analyzer analyzer, String field, String text) {
        List<String> tokens = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                tokens.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tokens;
    }

    private static Document document(Indexed p) {
        Document document = new Document();
        document.add(new StringField("id", String.valueOf(p.id()), Field.Store.YES));
        document.add(new StringField("status", p.status().name(), Field.Store.NO));
        for (String id : p.path().split("/")) {
            if (!id.isEmpty()) {
                document.add(new StringField("org", id, Field.Store.NO));
            }
        }
        String tags = p.tags() == null ? "" : p.tags().replace('\n', ' ');
        document.add(new TextField("title", p.title(), Field.Store.NO));
        document.add(new TextField("text", p.title() + "\n" + tags + "\n" + p.text(), Field.Store.NO));
        document.add(new TextField("prefixes", p.title() + "\n" + tags + "\n" + p.text(), Field.Store.NO));
        document.add(new StoredField("at", p.at() == null ? 0 : p.at().toEpochMilli()));
        return document;
    }

    @Override
    public void destroy() throws IOException {
        searchers.close();
        writer.close();
        store.close();
    }

    /**
     * Unstemmed words in lower case with ё as е; for the {@code prefixes} field also every prefix of
     * {@value #MIN_PREFIX} to {@value #MAX_PREFIX} letters, the word itself kept.
     */
    static final class RawAnalyzer extends Analyzer {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer tokenizer = new StandardTokenizer();
            TokenStream stream = new LowerCaseFilter(tokenizer);
            stream = new PatternReplaceFilter(stream, java.util.regex.Pattern.compile("ё"), "е", true);
            if (fieldName.equals("prefixes")) {
                stream = new EdgeNGramTokenFilter(stream, MIN_PREFIX, MAX_PREFIX, true);
            }
            return new TokenStreamComponents(tokenizer, stream);
        }
    }
}

package footnote.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import footnote.answer.AnswerModel;
import footnote.answer.AnswerModelTrainer;
import footnote.chat.Context;
import footnote.config.Config;
import footnote.eval.EvalQuestion;
import footnote.eval.QuestionFiles;
import footnote.ingest.BundledSources;
import footnote.ingest.IngestProgress;
import footnote.search.Embedder;
import footnote.search.LuceneIndex;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Trains the answer model (which passage answers, and whether any does) on question files, each over its own
 * folder of articles, and writes its weights: the shipped ones are reproduced by the command the README gives.
 * Each corpus gets an index of its own, as the bot would have, so that a word's rarity is what it is in that corpus.
 */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Trains the answer model on JSONL question files ({\"question\": ..., \"answers\": [...]}; answers"
                + " [] means unanswerable), each answered over its own folder of articles, and writes the weights.")
final class TrainCommand implements Callable<Integer> {

    @Mixin
    ConfigOption config = new ConfigOption();

    @Option(names = "--corpus", paramLabel = "DIR=QUESTIONS[,QUESTIONS...]", required = true,
            description = "A folder of articles and the question files answered over it; repeat for each corpus.")
    List<String> corpora;

    @Option(names = "--off-topic", paramLabel = "DIR=QUESTIONS[,QUESTIONS...]",
            description = "Question files asked over a folder of articles that cannot answer them (another corpus's"
                    + " questions): each counts as one to decline, whatever its answers.")
    List<String> offTopic = List.of();

    @Option(names = "--off-topic-every", paramLabel = "N", defaultValue = "10",
            description = "Of the off-topic questions, take every N-th, from the middle of each run of N, so that"
                    + " every-N-th samples taken from the start stay out (default ${DEFAULT-VALUE}).")
    int offTopicEvery;

    @Option(names = "--index", paramLabel = "DIR",
            description = "Keep each corpus's index under DIR, so a later run skips unchanged articles.")
    Path indexRoot;

    @Option(names = "--out", paramLabel = "FILE", defaultValue = "src/main/resources/footnote/answer/answer-model.json",
            description = "Where to write the weights (default ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--budget", paramLabel = "SHARE", defaultValue = "0.05",
            description = "The share of answerable training questions the threshold may decline (default"
                    + " ${DEFAULT-VALUE}).")
    double budget;

    @Option(names = "--support", paramLabel = "SHARE", defaultValue = "0.2",
            description = "A further candidate is quoted beside the best when its confidence is at least this share"
                    + " of the threshold (default ${DEFAULT-VALUE}).")
    double supportShare;

    @Option(names = "--dump", paramLabel = "FILE", hidden = true,
            description = "Also write every question's candidate signals and labels as JSONL, for study.")
    Path dump;

    @Spec
    CommandSpec spec;

    private final Terminal terminal = new Terminal();

    /** A folder of articles and the questions asked over it; off-topic ones all count as unanswerable there. */
    private record Corpus(Path articles, List<Path> questions, boolean offTopic) {}

    @Override
    public Integer call() throws Exception {
        List<Corpus> parsed = new ArrayList<>();
        corpora.forEach(c -> parsed.add(corpus(c, false)));
        offTopic.forEach(c -> parsed.add(corpus(c, true)));
        Config settings = config.load().measuring();
        Embedder embedder = App.embedder(settings);
        List<AnswerModelTrainer.Seen> seen = new ArrayList<>();
        for (Corpus corpus : parsed) {
            seen.addAll(examine(settings, embedder, corpus));
        }
        if (dump != null) {
            dump(seen);
        }
        String trainedOn = "footnote train " + String.join(" ", corpora.stream().map(c -> "--corpus " + c).toList())
                + String.join("", offTopic.stream().map(c -> " --off-topic " + c).toList())
                + " (" + seen.size() + " questions, budget " + budget + ")";
        AnswerModel model = AnswerModelTrainer.train(seen, budget, supportShare, trainedOn);
        Path parent = out.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        model.write(out);
        terminal.out.println(String.format(Locale.ROOT, "Trained on %d questions: threshold %.3f, support %.3f;"
                + " written to %s", seen.size(), model.threshold(), model.support(), out));
        return 0;
    }

    private Corpus corpus(String spec, boolean offTopic) {
        int at = spec.indexOf('=');
        if (at <= 0 || at == spec.length() - 1) {
            throw new CommandLine.ParameterException(this.spec.commandLine(),
                    "--corpus and --off-topic take DIR=QUESTIONS[,QUESTIONS...], got " + spec);
        }
        return new Corpus(Path.of(spec.substring(0, at)),
                Arrays.stream(spec.substring(at + 1).split(",")).map(Path::of).toList(), offTopic);
    }

    private List<AnswerModelTrainer.Seen> examine(Config settings, Embedder embedder, Corpus corpus)
            throws IOException {
        String signature = App.signature(settings, embedder);
        Storage storage = Storage.files(settings, indexRoot == null ? LuceneIndex.inMemory(signature)
                : LuceneIndex.openWritable(indexRoot.resolve(corpus.articles().toAbsolutePath().normalize().toString()
                        .replaceAll("[^A-Za-z0-9]+", "-")), signature, false));
        List<AnswerModelTrainer.Example> examples = new ArrayList<>();
        QuestionFiles reader = new QuestionFiles();
        for (Path file : corpus.questions()) {
            List<EvalQuestion> questions = reader.read(file);
            for (int i = 0; i < questions.size(); i++) {
                EvalQuestion q = questions.get(i);
                if (!corpus.offTopic()) {
                    examples.add(new AnswerModelTrainer.Example(q.question(), q.answers()));
                } else if (i % offTopicEvery == offTopicEvery / 2) {
                    examples.add(new AnswerModelTrainer.Example(q.question(), List.of()));
                }
            }
        }
        // The judge does not matter here: training reads every candidate's signals before any judgement.
        try (App app = new App(settings, embedder, storage, App.policy(settings.answers().evidence()),
                settings.answers().maxExcerpts())) {
            Startup.report(app.ingester.sync(BundledSources.in(List.of(corpus.articles())), IngestProgress.NONE),
                    terminal, true);
            return AnswerModelTrainer.examine(app.answerer, examples, Context.terminal().scopes());
        }
    }

    private void dump(List<AnswerModelTrainer.Seen> seen) throws IOException {
        ObjectMapper json = new ObjectMapper();
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(dump))) {
            for (AnswerModelTrainer.Seen s : seen) {
                ObjectNode node = json.createObjectNode();
                node.put("question", s.example().question());
                node.putPOJO("answers", s.example().answers());
                node.putPOJO("signals", s.candidates().stream().map(c -> c.values()).toList());
                node.putPOJO("answering", s.answering());
                w.println(json.writeValueAsString(node));
            }
        }
    }
}

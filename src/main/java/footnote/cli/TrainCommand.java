package footnote.cli;

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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Trains the answer model (which passage answers, and whether any does) on question files over folders of articles,
 * and writes its weights: the shipped ones are reproduced by the command the README gives.
 */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Trains the answer model on JSONL question files ({\"question\": ..., \"answers\": [...]}; answers"
                + " [] means unanswerable) over the given article folders, and writes its weights as JSON.")
final class TrainCommand implements Callable<Integer> {

    @Mixin
    ConfigOption config = new ConfigOption();

    @Parameters(paramLabel = "QUESTIONS", arity = "0..*", description = "JSONL question files.")
    List<Path> questionFiles = new ArrayList<>();

    @Option(names = "--articles", paramLabel = "DIR", arity = "1..*", required = true,
            description = "Folders of articles to index and answer from (question files among them are questions).")
    List<Path> articles;

    @Option(names = "--index", paramLabel = "DIR",
            description = "Keep the index in DIR, so a later run skips unchanged articles.")
    Path indexDir;

    @Option(names = "--out", paramLabel = "FILE", defaultValue = "src/main/resources/footnote/answer/answer-model.json",
            description = "Where to write the weights (default ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--budget", paramLabel = "SHARE", defaultValue = "0.05",
            description = "The share of answerable training questions the threshold may decline (default"
                    + " ${DEFAULT-VALUE}).")
    double budget;

    @Option(names = "--support", paramLabel = "SHARE", defaultValue = "0.5",
            description = "A further candidate is quoted beside the best when its confidence is at least this share"
                    + " of the threshold (default ${DEFAULT-VALUE}).")
    double supportShare;

    @Option(names = "--dump", paramLabel = "FILE", hidden = true,
            description = "Also write every question's candidate signals and labels as JSONL, for study.")
    Path dump;

    @Spec
    CommandSpec spec;

    private final Terminal terminal = new Terminal();

    private void dump(List<AnswerModelTrainer.Seen> seen) throws java.io.IOException {
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        try (java.io.PrintWriter w = new java.io.PrintWriter(Files.newBufferedWriter(dump))) {
            for (AnswerModelTrainer.Seen s : seen) {
                var node = json.createObjectNode();
                node.put("question", s.example().question());
                node.putPOJO("answers", s.example().answers());
                node.putPOJO("signals", s.candidates().stream().map(c -> c.values()).toList());
                node.putPOJO("answering", s.answering());
                w.println(json.writeValueAsString(node));
            }
        }
    }

    @Override
    public Integer call() throws Exception {
        questionFiles.addAll(articles.stream().filter(Files::isRegularFile).toList());
        List<Path> folders = articles.stream().filter(p -> !Files.isRegularFile(p)).toList();
        if (questionFiles.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "Missing question files (QUESTIONS)");
        }
        Config settings = config.load();
        Embedder embedder = App.embedder(settings);
        String signature = App.signature(settings, embedder);
        Storage storage = Storage.files(settings, indexDir == null ? LuceneIndex.inMemory(signature)
                : LuceneIndex.openWritable(indexDir, signature, false));
        List<AnswerModelTrainer.Example> examples = new ArrayList<>();
        QuestionFiles reader = new QuestionFiles();
        for (Path file : questionFiles) {
            for (EvalQuestion q : reader.read(file)) {
                examples.add(new AnswerModelTrainer.Example(q.question(), q.answers()));
            }
        }
        try (App app = new App(settings, embedder, storage, App.policy(settings.answers().evidence()),
                settings.answers().maxExcerpts())) {
            Startup.report(app.ingester.sync(BundledSources.in(folders), IngestProgress.NONE), terminal, true);
            String trainedOn = "footnote train --articles " + String.join(" ", folders.stream().map(Path::toString)
                    .toList()) + " -- " + String.join(" ", questionFiles.stream().map(Path::toString).toList())
                    + " (" + examples.size() + " questions, budget " + budget + ")";
            List<AnswerModelTrainer.Seen> seen = AnswerModelTrainer.examine(app.answerer, examples,
                    Context.terminal().scopes());
            if (dump != null) {
                dump(seen);
            }
            AnswerModel model = AnswerModelTrainer.train(seen, budget, supportShare, trainedOn);
            Files.createDirectories(out.toAbsolutePath().getParent());
            model.write(out);
            terminal.out.println(String.format(Locale.ROOT, "Trained on %d questions: threshold %.3f, support %.3f;"
                    + " written to %s", examples.size(), model.threshold(), model.support(), out));
        }
        return 0;
    }
}

import ArgumentParser
import Foundation
import IntentParser
import ParserCorpus

/// `fengchao train`: learns the parser's models from the corpus's train split, calibrates them on
/// the validation split, and writes config/model.txt. `--report` adds validation figures, the
/// reliability table, the lost-report rate and a cross-validation by source and voice; `--locked`
/// scores the locked test, which no tuning may read.
struct TrainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Train the parser's model on the labelled corpus and write it.",
        discussion:
            "Deterministic for a seed; writes the model to --model. The splits file names which voices and pages are train, validation and locked."
    )

    @Option(help: "The corpus splits file.")
    var splits: String = "corpus/splits.yaml"

    @OptionGroup var files: ParserOptions

    @Option(help: "Shuffling seed.")
    var seed: UInt64 = 9

    @Option(help: "Training passes.")
    var epochs: Int = 30

    @Option(help: "L2 regularisation.")
    var l2: Double = 1e-2

    @Option(help: "AdaGrad learning rate.")
    var learningRate: Double = 0.1

    @Option(help: "Features seen fewer times are dropped.")
    var minCount: Int = 2

    @Option(help: "Features whose weights all stay below this (absolute value) are dropped from the model.")
    var keepAbove: Double = 1e-3

    @Option(help: "Folds for --report's cross-validation (by source and voice).")
    var folds: Int = 5

    @Option(
        help:
            "Ids starting with this are never held out in the real-page cross-validation (they always train): measures what a new file adds on the same held-out pages as before it."
    )
    var alwaysTrain: String?

    @Flag(help: "Print validation figures, the reliability table, the lost-report rate and cross-validation.")
    var report = false

    @Flag(help: "Also score the locked test (only ever scored, never tuned on).")
    var locked = false

    func run() throws {
        let loaded = try files.load(withModel: false)
        let rules = loaded.parser
        let corpus = try CorpusSplits.load(splitsPath: ResourceLocator.resolve(splits))
        var trainer = Trainer()
        trainer.seed = seed
        trainer.epochs = epochs
        trainer.l2 = l2
        trainer.learningRate = learningRate
        trainer.minCount = minCount
        trainer.keepAbove = keepAbove
        let model = ModelFitting(rules: rules, trainer: trainer).fit(train: corpus.train, validation: corpus.validation)
        try model.text.write(toFile: ResourceLocator.resolve(files.model), atomically: true, encoding: .utf8)
        let size = model.text.utf8.count
        print(
            "train \(corpus.train.count), validation \(corpus.validation.count), locked \(corpus.locked.count) messages"
        )
        print(
            "wrote \(files.model): \(model.intent.classes.count) intents, \(size / 1024) KiB, review below \(String(format: "%.2f", model.reviewBelow))"
        )
        let parser = IntentParser(lexicon: rules.lexicon, gazetteer: rules.gazetteer, model: model)
        if report {
            print(
                "\n== validation (\(corpus.validation.count))\n" + ModelFitting.score(parser, corpus.validation).summary
            )
            print(
                "rules alone on validation: score \(String(format: "%.3f", ModelFitting.score(rules, corpus.validation).score))"
            )
            let realValidation = corpus.validation.filter(\.message.isReal)
            let realScore = ModelFitting.score(parser, realValidation)
            print(
                "validation, real messages only (\(realValidation.count)): score \(String(format: "%.3f", realScore.score)), intent accuracy \(String(format: "%.3f", realScore.intentAccuracy))"
            )
            print("\n== reliability on validation (model-decided messages)")
            print(ModelFitting.reliability(parser, corpus.validation))
            print(ModelFitting.lostReports(parser, corpus.validation, label: "validation"))
            print("\n== \(folds)-fold cross-validation over train + validation, folds by source and voice")
            print(
                ModelFitting(rules: rules, trainer: trainer).crossValidate(
                    corpus.train + corpus.validation, folds: folds))
            // Real messages are what the parser meets in use and what rules fit worst: test each real
            // page once, with every written voice and the other real pages training.
            print("\n== real messages: \(folds)-fold cross-validation over the real pages of train + validation")
            print(
                ModelFitting(rules: rules, trainer: trainer).crossValidate(
                    corpus.train + corpus.validation, folds: folds,
                    heldOut: { $0.message.isReal && !(alwaysTrain.map($0.message.id.hasPrefix) ?? false) }))
        }
        if locked {
            print("\n== locked test (\(corpus.locked.count))\n" + ModelFitting.score(parser, corpus.locked).summary)
            print(
                "rules alone on the locked test: score \(String(format: "%.3f", ModelFitting.score(rules, corpus.locked).score))"
            )
            print(ModelFitting.lostReports(parser, corpus.locked, label: "locked"))
            print("\n== reliability on the locked test")
            print(ModelFitting.reliability(parser, corpus.locked))
            for group in Set(corpus.locked.map(\.message.voice)).sorted(by: { ($0 ?? "") < ($1 ?? "") }) {
                let part = corpus.locked.filter { $0.message.voice == group }
                print(
                    "locked \(group ?? "?") (\(part.count)): score \(String(format: "%.3f", ModelFitting.score(parser, part).score))"
                )
            }
        }
    }
}

import EarshotTagging
import EarshotText

/// What became of one input line.
package enum LineOutcome: Sendable {
    /// Empty or whitespace only.
    case blank
    /// A mention; `matched` tells whether any rule matched.
    case mention(matched: Bool, match: MentionMatch, mention: Mention, tags: MentionTags?)
    /// Rejected with a reason.
    case rejected(LineRejection)
    /// The input already has the annotation member and the run is strict.
    case keyConflict
}

/// Turns one line's bytes into an outcome and its output bytes. Stateless and `Sendable`, so
/// worker threads can share one.
package struct LineProcessor: Sendable {
    let matcher: any MentionMatcher
    let configuration: MatchConfiguration
    let annotation: AnnotationWriter
    let keyBytes: [UInt8]
    /// Tags matched mentions (every mention with ``MatchConfiguration/tagEveryMention``); `nil`
    /// with `--no-tagging`.
    let tagger: Tagger?
    /// What to build of each line's JSON; `nil`: everything.
    let keep: JSONKeep?
    /// Reads most lines without building a JSON tree; `nil` when the mapping needs the parser.
    let scanner: ScannedMentionReader?

    package init(matcher: any MentionMatcher, configuration: MatchConfiguration, tagger: Tagger? = nil) {
        self.matcher = matcher
        self.configuration = configuration
        self.tagger = tagger
        if let paths = matcher.jsonFieldPaths {
            let fieldPaths = paths + (tagger?.issues.jsonFieldPaths ?? [])
            self.keep = configuration.mapping.keepTree(fieldPaths: fieldPaths, annotationKey: configuration.annotationKey)
            self.scanner = ScannedMentionReader(
                mapping: configuration.mapping, fieldPaths: fieldPaths, annotationKey: configuration.annotationKey)
        } else {
            self.keep = nil
            self.scanner = nil
        }
        self.annotation = AnnotationWriter(
            ruleIDs: matcher.ruleIDs, ruleTags: matcher.ruleTags, includeSpans: configuration.includeSpans,
            sentimentDetail: configuration.sentimentDetail, omitRules: configuration.tagEveryMention)
        var key: [UInt8] = []
        JSONText.appendString(configuration.annotationKey, to: &key)
        self.keyBytes = key
    }

    /// The same processor over a ``MentionMatcher/replica()`` of the matcher and a replica of
    /// the tagger, for another worker thread. Everything is built anew, so the threads never
    /// touch the same reference counts.
    package func replica() -> LineProcessor {
        LineProcessor(matcher: matcher.replica(), configuration: configuration, tagger: tagger?.replica())
    }

    /// Processes `line` (without `\n`; a trailing `\r` is kept in the output) and appends the
    /// jsonl output line, if any, to `out`.
    /// - Parameter keepingMention: put the mention in the outcome (for an observer); otherwise
    ///   the outcome carries ``Mention/empty`` and the mention is freed where it was made.
    package func process(_ rawLine: UnsafeBufferPointer<UInt8>, keepingMention: Bool = true, into out: inout [UInt8])
        -> LineOutcome
    {
        var body = rawLine
        var endsWithCarriageReturn = false
        if let last = body.last, last == 0x0D {
            body = UnsafeBufferPointer(rebasing: body.dropLast())
            endsWithCarriageReturn = true
        }
        if body.allSatisfy(Splicer.isJSONWhitespace) { return .blank }
        guard UTF8Validation.isValid(body) else {
            return .rejected(LineRejection(.invalidUTF8, "the line is not valid UTF-8"))
        }
        let mention: Mention
        let isEmptyObject: Bool
        if let scanned = scanner?.read(body) {
            if configuration.strict, scanned.hasAnnotationKey { return .keyConflict }
            mention = scanned.mention
            isEmptyObject = scanned.isEmptyObject
        } else {
            switch parse(body) {
            case .mention(let parsed, let isEmpty): (mention, isEmptyObject) = (parsed, isEmpty)
            case .refused(let outcome): return outcome
            }
        }
        let analyzed = AnalyzedMention(mention)  // the last use of `mention`: moved, not copied
        let match = matcher.match(analyzed, wantSpans: configuration.includeSpans)
        let matched = !match.ruleIndices.isEmpty
        let tags = (matched || configuration.tagEveryMention) ? tag(analyzed, match) : nil
        switch configuration.format {
        case .jsonl:
            if matched || !configuration.onlyMatched {
                Splicer.splice(line: body, isEmptyObject: isEmptyObject, key: keyBytes, into: &out) { out in
                    annotation.append(match, tags: tags, to: &out)
                }
                if endsWithCarriageReturn { out.append(0x0D) }
                out.append(0x0A)
            }
        case .tsv:
            if matched || !configuration.onlyMatched {
                appendTSV(mention: analyzed.mention, match: match, tags: tags, to: &out)
            }
        case .count:
            break
        }
        return .mention(matched: matched, match: match, mention: keepingMention ? analyzed.mention : .empty, tags: tags)
    }

    /// Reads a line with ``JSONParser`` and ``FieldMapping``: every line the scanner declines,
    /// so this decides every rejection and odd shape.
    private func parse(_ body: UnsafeBufferPointer<UInt8>) -> ParsedLine {
        let value: JSONValue
        var memberCount = 0
        do {
            if let keep {
                (value, memberCount) = try JSONParser.parse(body, keeping: keep)
            } else {
                value = try JSONParser.parse(Array(body))
                if case .object(let all) = value { memberCount = all.count }
            }
        } catch {
            return .refused(.rejected(LineRejection(.invalidJSON, "\(error.message) at byte \(error.offset)")))
        }
        guard case .object(let members) = value else {
            return .refused(.rejected(LineRejection(.notObject, "the line is JSON but not an object")))
        }
        if configuration.strict, members[configuration.annotationKey] != nil { return .refused(.keyConflict) }
        do {
            return .mention(try configuration.mapping.mention(from: value), isEmptyObject: memberCount == 0)
        } catch {
            return .refused(.rejected(error))
        }
    }

    /// A parsed line: a mention, or the outcome of a line that is not one.
    private enum ParsedLine {
        case mention(Mention, isEmptyObject: Bool)
        case refused(LineOutcome)
    }

    /// Runs the taggers, handing them the matching rules' ids and tags.
    private func tag(_ mention: AnalyzedMention, _ match: MentionMatch) -> MentionTags? {
        guard let tagger else { return nil }
        let userRules = match.ruleIndices.map { (rule: matcher.ruleIDs[$0], tags: matcher.ruleTags[$0]) }
        return tagger.tag(mention, userRules: userRules)
    }

    /// `id<TAB>rule ids<TAB>sentiment label` (the label is empty when the mention was not tagged).
    private func appendTSV(mention: Mention, match: MentionMatch, tags: MentionTags?, to out: inout [UInt8]) {
        out.append(contentsOf: tsvField(mention.id ?? "").utf8)
        out.append(0x09)
        out.append(contentsOf: match.ruleIndices.map { matcher.ruleIDs[$0] }.joined(separator: ",").utf8)
        out.append(0x09)
        if let tags { out.append(contentsOf: tags.sentiment.label.rawValue.utf8) }
        out.append(0x0A)
    }

    private func tsvField(_ text: String) -> String {
        String(text.map { $0 == "\t" || $0 == "\n" || $0 == "\r" ? " " : $0 })
    }
}

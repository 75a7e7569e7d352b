"""The layout stage, step two: group blocks into articles and attach headlines.

Works on the page as one block per line (after step one and the block rules).
Headlines, bylines and credits may be printed away from their article; each
headline is matched to the article body whose lead it fits best, with a prior for
sitting right above (or right below) it. Every attachment is recorded as a
decision with its score; a headline that fits no article is a fragment.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from cleaner.chars import HAN_RE
from cleaner.document import Article, Block, Document
from cleaner.engine.context import Context
from cleaner.engine.record import Change, Decision
from cleaner.layout.headlines import match_ceiling, match_ceilings, match_score, split_heading
from cleaner.layout.lines import STARTS_CONTINUATION
from cleaner.layout.patterns import HAS_CONTENT, NEWS_LEAD, is_trailing_byline, source_name
from cleaner.layout.stage import BlockInfo

ABOVE_PRIOR = 0.4  # right above an unclaimed body: attach on position alone (>= MIN_ATTACH)
BELOW_PRIOR = 0.1  # printed right below: the page put it after its article
MIN_ATTACH = 0.35
SUBHEAD_MAX_LINE = 14  # characters per line of a subhead; headlines run longer
RETELLS_LEAD = 0.6  # a heading fitting the text under it this well is a headline, not a subhead
RETELLS_MARGIN = 0.25
HEADS_ABOVE = 0.75  # ... and one retelling the text above this well is that article's headline
# A headline printed away from its article that fits a paragraph inside a body this
# well (and much better than any body's lead) heads the article that starts there.
RESTITCH_CONFIDENCE = 0.7
LEFTOVER_EVIDENCE = 2  # paragraphs opening visibly that a page needs before one that does not is a leftover
LATE_HEADLINE_MIN = 0.6
LATE_HEADLINE_MARGIN = 0.25
# Han characters a late headline needs: a kicker alone says too little (8 rather than 10:
# PDF character error rate 0.44 points lower, OCR 0.09 higher, on the generated pages).
LATE_HEADLINE_MIN_HAN = 8
LATE_HEADLINE_ABOVE = 0.4
KICKER_CONFIDENCE = 0.6  # a heading over a title, heading nothing itself: by position alone


@dataclass(slots=True)
class PlacedBlock:
    index: int
    info: BlockInfo
    text: str
    start: int  # input span
    end: int


@dataclass(slots=True)
class Masthead:
    """A heading (headline candidate) with the bylines printed under it."""

    heading: PlacedBlock | None
    bylines: list[PlacedBlock] = field(default_factory=list)

    @property
    def position(self) -> int:
        return (self.heading or self.bylines[0]).index


@dataclass(slots=True)
class Body:
    blocks: list[PlacedBlock] = field(default_factory=list)
    sources: list[PlacedBlock] = field(default_factory=list)

    @property
    def first(self) -> int:
        return self.blocks[0].index if self.blocks else self.sources[0].index

    @property
    def last(self) -> int:
        return max(b.index for b in self.blocks + self.sources)

    def lead(self) -> str:
        text = ""
        for block in self.blocks:
            if block.info.kind == "paragraph":
                text += block.text
                if len(text) >= 400:
                    break
        return text


def assemble(blocks: list[PlacedBlock], ctx: Context, enabled: frozenset[str]) -> tuple[Document, list[Change]]:
    # A block of punctuation alone (a mark a wrap left under a heading) is no text of
    # any article: it is set apart, not made an article of its own.
    strays = [b for b in blocks if b.info.kind == "paragraph" and not HAS_CONTENT.search(b.text)]
    # Page furniture (an editor's credit, a running head) belongs to no article.
    strays += [b for b in blocks if b.info.kind == "furniture"]
    units = _units([b for b in blocks if b not in strays])
    units = _resolve_subheads(units)
    restitched: list[Change] = []
    if "restitch" in enabled:
        units, restitched = _restitch(units, ctx)
    if "attach-headline" in enabled:  # the split is the first step of attaching by content
        units = _split_for_late_headlines(units, ctx)
    bodies = [u for u in units if isinstance(u, Body)]
    mastheads = [u for u in units if isinstance(u, Masthead)]
    attached, kickers, changes = _attach(mastheads, bodies, units, ctx, "attach-headline" in enabled)
    heading_an_article = {id(m) for attached_list in attached.values() for m in attached_list} | kickers
    changes = restitched + changes
    leftovers = _leftovers(units, attached) if "fragment" in enabled else []
    document = Document()
    for body in bodies:
        if body not in leftovers:
            document.articles.append(_article(body, attached.get(id(body), [])))
    unattached = [m for m in mastheads if id(m) not in heading_an_article]
    for block in sorted(strays + [b for m in unattached for b in ([m.heading] if m.heading else []) + m.bylines]
                        + [b for body in leftovers for b in body.blocks], key=lambda b: b.index):
        document.fragments.append(Block("fragment", block.text, block.start, block.end))
        changes.append(Change("fragment", block.start, block.end, block.text, "",
                              note="belongs to no article on the page", confidence=0.6))
        ctx.decide(Decision("fragment", "fragment", f"set apart: {block.text[:30]}", 0.6,
                            {"text": block.text}, block.start, block.end))
    return document, changes


def _leftovers(units: list[Masthead | Body], attached: dict[int, list[Masthead]]) -> list[Body]:
    """A paragraph at the top or foot of the page, under no headline or byline, that
    starts in mid-paragraph (its first line full, unindented): the tail of an article
    printed on another page, not an article of this one."""
    found: list[Body] = []
    # The page must show how its paragraphs open: some start visibly (indented or short).
    opening = sum(1 for unit in units if isinstance(unit, Body) for block in unit.blocks
                  if block.info.kind == "paragraph" and not block.info.starts_mid_paragraph)
    if opening < LEFTOVER_EVIDENCE:
        return found
    for position in (0, len(units) - 1) if len(units) > 1 else ():
        unit = units[position]
        if (isinstance(unit, Body) and id(unit) not in attached and len(unit.blocks) == 1 and not unit.sources
                and unit.blocks[0].info.kind == "paragraph" and unit.blocks[0].info.starts_mid_paragraph):
            found.append(unit)
    return found


def _units(blocks: list[PlacedBlock]) -> list[Masthead | Body]:
    units: list[Masthead | Body] = []
    for block in blocks:
        kind = block.info.kind
        last = units[-1] if units else None
        if kind == "heading":
            units.append(Masthead(block))
        elif kind == "byline":
            if isinstance(last, Masthead):
                last.bylines.append(block)
            else:
                units.append(Masthead(None, [block]))
        elif kind == "source":
            if isinstance(last, Body):
                last.sources.append(block)
            else:
                units.append(Body(sources=[block]))
        else:
            if not isinstance(last, Body) or last.sources or _starts_article(block, last):
                units.append(Body([block]))
            else:
                last.blocks.append(block)
    return units


def _starts_article(block: PlacedBlock, body: Body) -> bool:
    info = block.info
    if info.hard_break_before or info.box_start:
        return True
    # In text with one block per line, a blank line separates articles.
    previous = body.blocks[-1].info if body.blocks else None
    return info.blank_before and info.line_count == 1 and previous is not None and previous.line_count == 1


def _resolve_subheads(units: list[Masthead | Body]) -> list[Masthead | Body]:
    """A heading between two bodies of one article is a subhead: merge the three."""
    result: list[Masthead | Body] = []
    index = 0
    while index < len(units):
        unit = units[index]
        before = result[-1] if result else None
        after = units[index + 1] if index + 1 < len(units) else None
        if (isinstance(unit, Masthead) and isinstance(before, Body) and isinstance(after, Body)
                and _is_subhead(unit, before, after)):
            assert unit.heading is not None
            unit.heading.info.kind = "subhead"
            before.blocks.append(unit.heading)
            before.blocks.extend(after.blocks)
            before.sources.extend(after.sources)
            index += 2
            continue
        result.append(unit)
        index += 1
    return result


def _restitch(units: list[Masthead | Body], ctx: Context) -> tuple[list[Masthead | Body], list[Change]]:
    """Join a paragraph that stops mid-sentence at the foot of a column to the later text
    that goes on mid-paragraph, where an extractor emitted the column boxes out of order.

    Evidence, all required: the first body ends on a line that fills the column (or on a
    pause mark) without ending a sentence; a later body opens on a full, unindented line
    of body text (no paragraph opens so: a first line is indented or two characters
    short), under no headline; and each is the other's nearest such piece (no other
    loose end or loose start between them). Each join is recorded with its confidence."""
    loose_ends = [position for position, unit in enumerate(units)
                  if isinstance(unit, Body) and unit.blocks and not unit.sources
                  and unit.blocks[-1].info.kind == "paragraph" and unit.blocks[-1].info.ends_mid_sentence]
    loose_starts = [position for position, unit in enumerate(units)
                    if isinstance(unit, Body) and unit.blocks and unit.blocks[0].info.kind == "paragraph"
                    and unit.blocks[0].info.starts_mid_paragraph
                    # Under a headline, a full first line more likely lost its indent with the
                    # headline's own column than goes on from elsewhere.
                    and not (position and isinstance(units[position - 1], Masthead))]
    pairs: list[tuple[int, int]] = []
    for end in loose_ends:
        start = next((s for s in loose_starts if s > end), None)
        if start is None or any(end < other < start for other in loose_ends) \
                or any(end < other < start for other in loose_starts):
            continue
        pairs.append((end, start))
    if not pairs:
        return units, []
    merged_into: dict[int, int] = {}  # a piece joined to an earlier one: its text lives there now
    changes: list[Change] = []
    for end, start in pairs:
        while end in merged_into:  # a chain: the piece that ends here went on an earlier one
            end = merged_into[end]
        head, tail = units[end], units[start]
        assert isinstance(head, Body) and isinstance(tail, Body)
        before, after = head.blocks[-1], tail.blocks[0]
        joined_info = replace(before.info, ends_mid_sentence=after.info.ends_mid_sentence)
        head.blocks[-1] = PlacedBlock(before.index, joined_info, before.text + after.text, before.start, before.end)
        head.blocks.extend(tail.blocks[1:])
        head.sources.extend(tail.sources)
        merged_into[start] = end
        ctx.decide(Decision(
            "restitch", "restitch",
            f"“…{before.text[-8:]}” goes on in “{after.text[:8]}…”, printed {start - end - 1} blocks later",
            RESTITCH_CONFIDENCE, {"blocks_between": start - end - 1, "text": after.text[:30]},
            after.start, after.end))
        changes.append(Change("restitch", after.start, after.end, after.text, after.text,
                              note=f"moved to the end of the paragraph “…{before.text[-8:]}”",
                              confidence=RESTITCH_CONFIDENCE))
    return [unit for position, unit in enumerate(units) if position not in merged_into], changes


def _is_subhead(unit: Masthead, before: Body, after: Body) -> bool:
    heading = unit.heading
    if heading is None or unit.bylines or heading.info.level or before.sources or not before.blocks:
        return False
    info = heading.info
    if info.box_start or info.hard_break_before or not after.blocks:
        return False
    first_after = after.blocks[0]
    if info.blank_before:
        return False
    if first_after.info.box_start or first_after.info.hard_break_before or NEWS_LEAD.match(first_after.text):
        return False
    if first_after.info.blank_before and first_after.info.line_count == 1:
        return False
    parts = heading.text.split(" ")
    if max(len(p) for p in parts) > SUBHEAD_MAX_LINE:
        return False
    # A news headline restates its lead; a subhead names a section in words of its own.
    # A heading that retells the text under it, and not the text above, opens an article.
    # Its title alone too (a kicker says what the lead does not); but where any part of it
    # sums up the text above (an article's lead often names its sections), it is a subhead.
    kicker, title, _ = split_heading(heading.text)
    after_lead, before_lead = after.lead(), before.lead()
    fits_after = max(match_score(text, after_lead) for text in {heading.text, title})
    whole_before = match_score(heading.text, before_lead)
    fits_before = max([whole_before] + [match_score(text, before_lead) for text in {title, kicker or title}])
    if (whole_before >= HEADS_ABOVE and fits_after < RETELLS_LEAD - RETELLS_MARGIN
            and not any(block.info.kind == "subhead" for block in before.blocks)):
        return False  # it retells the article above, nearly word for word: printed under it
    return fits_after < RETELLS_LEAD or fits_after < fits_before + RETELLS_MARGIN


def _split_for_late_headlines(units: list[Masthead | Body], ctx: Context) -> list[Masthead | Body]:
    """Split a body that runs two articles together when a headline printed elsewhere
    (after its article, or among other headlines) fits a paragraph inside it.

    Evidence: the headline fits that paragraph (not the body's first) by content, much
    better than it fits the lead of any body, it is not the headline printed right above
    the body, and the body has a headline of its own: one printed right above it that
    does not fit the part after that paragraph (better than the part before), or one
    printed elsewhere that retells its lead. Only headlines that fit no lead well are
    tried (the common case costs little)."""
    bodies = [u for u in units if isinstance(u, Body) and len(u.blocks) >= 2]
    if not bodies:
        return units
    leads = [u.blocks[0].text for u in units if isinstance(u, Body) and u.blocks]
    splits: dict[int, int] = {}
    for masthead in units:
        if not isinstance(masthead, Masthead) or masthead.heading is None or masthead.heading.info.level:
            continue
        found = None
        for headline in _title_readings(masthead.heading.text, leads):
            found = _late_headline_fit(headline, leads, bodies, splits)
            if found is not None:
                break
        if found is None:
            continue
        headline, score, best_lead, number, cut = found
        body = bodies[number]
        position = units.index(body)
        above = units[position - 1] if position > 0 else None
        if above is masthead:
            continue  # printed right above the body: its own headline, summing up any paragraph
        first, rest = Body(body.blocks[:cut]).lead(), Body(body.blocks[cut:]).lead()
        if isinstance(above, Masthead) and above.heading is not None:
            fits_rest = match_score(above.heading.text, rest)
            if fits_rest >= LATE_HEADLINE_ABOVE and fits_rest > match_score(above.heading.text, first):
                continue  # the headline above belongs to the part after: no second article there
        elif not any(other is not masthead and other.heading is not None
                     and match_score(other.heading.text, first) >= LATE_HEADLINE_MIN
                     for other in units if isinstance(other, Masthead)):
            # A body under no headline of its own takes the late headline whole: a headline
            # may sum up any paragraph of its article, so that alone marks no second article.
            # Another headline printed elsewhere that retells its lead is its own.
            continue
        splits[id(body)] = cut
        start = body.blocks[cut]
        ctx.decide(Decision(
            "attach-headline", "article split",
            f"a second article starts at “{start.text[:12]}”: headline “{headline[:24]}” fits it",
            round(min(1.0, 0.5 + score - best_lead), 3),
            {"score": round(score, 3), "best_lead": round(best_lead, 3)}, start.start, start.end))
    if not splits:
        return units
    result: list[Masthead | Body] = []
    for unit in units:
        if isinstance(unit, Body) and id(unit) in splits:
            cut = splits[id(unit)]
            result += [Body(unit.blocks[:cut]), Body(unit.blocks[cut:], unit.sources)]
        else:
            result.append(unit)
    return result


def _title_readings(heading: str, leads: list[str]) -> list[str]:
    """The whole heading, then what may be its title under a kicker: two stacked lines may
    be one article's kicker and title or the titles of two articles. The title follows the
    kicker space; where there is none (an OCR engine joined a kicker set wider than its
    title without one), each tail long enough to be a title, unless the whole heading
    already fits a lead (it is placed by content)."""
    kicker, title, _ = split_heading(heading)
    if kicker:
        return [heading, title]
    # The bigram ceiling first: the alignment is made only where the ceiling leaves room.
    if any(match_ceiling(heading, lead) >= LATE_HEADLINE_MIN and match_score(heading, lead) >= LATE_HEADLINE_MIN
           for lead in leads):
        return [heading]
    tails = [heading[cut:] for cut in range(2, len(heading))
             if len(HAN_RE.findall(heading[cut:])) >= LATE_HEADLINE_MIN_HAN]
    return [heading, *tails]


def _late_headline_fit(headline: str, leads: list[str], bodies: list[Body],
                       splits: dict[int, int]) -> tuple[str, float, float, int, int] | None:
    """(headline, score, best lead score, body number, cut) of the interior paragraph a
    headline fits well enough to open an article there, or None."""
    if len(HAN_RE.findall(headline)) < LATE_HEADLINE_MIN_HAN:  # a kicker alone says too little
        return None
    # The paragraph fit first, aligned only where the bigrams allow one (most do not);
    # the leads only when some paragraph fits.
    places = [(number, cut) for number, body in enumerate(bodies) if id(body) not in splits
              for cut in range(1, len(body.blocks)) if body.blocks[cut].info.kind == "paragraph"]
    ceilings = match_ceilings(headline, [bodies[number].blocks[cut].text for number, cut in places])
    fits = [(match_score(headline, bodies[number].blocks[cut].text), number, cut)
            for (number, cut), ceiling in zip(places, ceilings, strict=True) if ceiling >= LATE_HEADLINE_MIN]
    score, number, cut = max(fits, key=lambda fit: fit[0], default=(0.0, 0, 0))
    if score < LATE_HEADLINE_MIN:
        return None
    best_lead = max((match_score(headline, lead) for lead in leads), default=0.0)
    if best_lead >= LATE_HEADLINE_MIN or score < best_lead + LATE_HEADLINE_MARGIN:
        return None
    return headline, score, best_lead, number, cut


def _attach(mastheads: list[Masthead], bodies: list[Body], units: list[Masthead | Body], ctx: Context,
            by_content: bool) -> tuple[dict[int, list[Masthead]], set[int], list[Change]]:
    """Give each body at most one headline: best score first (content + position), then
    by position alone. Returns the headlines of each body (by its id), the ids of the
    mastheads that became kickers (`_kickers_over_titles`), and the changes."""
    order = {id(u): i for i, u in enumerate(units)}
    candidates: list[tuple[float, float, int, int]] = []
    for m_index, masthead in enumerate(mastheads):
        for b_index, body in enumerate(bodies):
            if body.blocks and body.blocks[0].info.kind == "paragraph" \
                    and STARTS_CONTINUATION.match(body.blocks[0].text) and masthead.heading is not None:
                continue  # text that opens with `，` goes on from elsewhere: under no headline
            gap = order[id(body)] - order[id(masthead)]
            prior = ABOVE_PRIOR if gap == 1 else BELOW_PRIOR if gap == -1 else 0.0
            if masthead.heading is None:  # a lone byline: only where it is printed
                content = 0.0
                prior = 0.5 if gap == 1 else 0.2 if gap == -1 else 0.0
            elif masthead.heading.info.level:  # Markdown heading: the extractor kept order
                content = 0.0
                prior = 1.0 if gap == 1 else 0.0
            else:
                content = match_score(masthead.heading.text, body.lead()) if by_content else 0.0
            candidates.append((content + prior, content, m_index, b_index))
    candidates.sort(reverse=True)
    taken_m: set[int] = set()
    taken_b: set[int] = set()
    byline_b: set[int] = set()
    attached: dict[int, list[Masthead]] = {}
    changes: list[Change] = []
    def take(score: float, content: float, m_index: int, b_index: int, how: str) -> None:
        masthead, body = mastheads[m_index], bodies[b_index]
        lone_byline = masthead.heading is None
        taken_m.add(m_index)
        (byline_b if lone_byline else taken_b).add(b_index)
        if masthead.bylines:
            byline_b.add(b_index)
        attached.setdefault(id(body), []).append(masthead)
        if lone_byline:
            return
        heading = masthead.heading
        assert heading is not None
        runner_up = max((s for s, _, m, b in candidates if m == m_index and b != b_index), default=0.0)
        confidence = max(0.0, min(1.0, 0.5 + (score - runner_up)))
        adjacent = order[id(body)] - order[id(masthead)] == 1
        ctx.decide(Decision(
            "attach-headline", "headline",
            f"headline “{heading.text[:24]}” {'kept above' if adjacent else 'moved to'} the article "
            f"starting “{body.lead()[:12]}” ({how})",
            confidence,
            {"score": round(score, 3), "content": round(content, 3), "runner_up": round(runner_up, 3),
             "moved": not adjacent},
            heading.start, heading.end,
        ))
        if not adjacent:
            changes.append(Change("attach-headline", heading.start, heading.end, heading.text, heading.text,
                                  note=f"moved to the head of its article (score {score:.2f}, {how})",
                                  confidence=confidence))

    for score, content, m_index, b_index in candidates:
        if m_index in taken_m or score < MIN_ATTACH:
            continue
        lone_byline = mastheads[m_index].heading is None
        if (b_index in byline_b) if lone_byline else (b_index in taken_b):
            continue
        take(score, content, m_index, b_index, "content and position")
    # A headline that fits no article by content, printed right under an article that
    # has none: the page put it after its article (a stray would not sit there).
    for score, content, m_index, b_index in candidates:
        masthead = mastheads[m_index]
        if m_index in taken_m or b_index in taken_b or masthead.heading is None or masthead.heading.info.level:
            continue
        if order[id(bodies[b_index])] - order[id(masthead)] == -1:
            take(score, content, m_index, b_index, "position only: under an article without a headline")
    # A heading over a title it does not fit by content may be its kicker: that evidence
    # (where it is printed) is nearer than the page's count of loose headlines below.
    kickers: set[int] = set()
    if by_content:
        heading_an_article = {id(m) for attached_list in attached.values() for m in attached_list}
        kickers, kicker_changes = _kickers_over_titles(units, attached, heading_an_article, ctx)
        changes += kicker_changes
    # One headline left over and one article without a headline, wherever they are
    # printed: every article on a page has a headline, so they are each other's.
    loose = [m for m, masthead in enumerate(mastheads) if m not in taken_m and masthead.heading is not None
             and not masthead.heading.info.level and not masthead.bylines and id(masthead) not in kickers]
    headless = [b for b in range(len(bodies)) if b not in taken_b and bodies[b].blocks]
    pair = next((c for c in candidates if c[2:] == (loose[0], headless[0])), None) \
        if len(loose) == 1 and len(headless) == 1 else None
    if pair is not None:
        take(*pair, "position only: the page's one loose headline and headless article")
    return attached, kickers, changes


def _kickers_over_titles(units: list[Masthead | Body], attached: dict[int, list[Masthead]],
                         heading_an_article: set[int], ctx: Context) -> tuple[set[int], list[Change]]:
    """A heading that heads no article, printed right over a headline that does, is that
    headline's kicker (引题): joined to it with the kicker space. Returns the ids of the
    mastheads so taken, and the changes.

    Why: some extractors (pdftotext) set a line of another type size apart as a block of
    its own, and a kicker is set smaller than its title. A kicker says what the lead does
    not, so content does not attach it; over a title, it is no stray. `heading_an_article`:
    the ids of the mastheads attached to a body."""
    taken: set[int] = set()
    changes: list[Change] = []
    for above, below, after in zip(units, units[1:], [*units[2:], None], strict=False):
        if not (isinstance(above, Masthead) and isinstance(below, Masthead)) or above.bylines \
                or id(above) in heading_an_article or id(below) not in heading_an_article:
            continue
        kicker, title = above.heading, below.heading
        if kicker is None or title is None or kicker.info.level or title.info.level:
            continue  # Markdown headings: the extractor said what each line is
        if not title.info.blank_before or not _runs_into_body(below, after, attached):
            continue  # no sign of a block set apart by its type size
        if kicker.info.line_count > 1 and _line_length(kicker) <= _line_length(title):
            continue  # a kicker, set smaller, wraps wider than its title: this is a title
        if " " in kicker.text or split_heading(title.text)[0] is not None:
            continue  # the title has a kicker already
        heading = f"{kicker.text} {title.text}"
        if split_heading(heading)[0] != kicker.text:
            continue  # too short to read as a kicker, or not separable from the title
        below.heading = PlacedBlock(title.index, title.info, heading, kicker.start, title.end)
        taken.add(id(above))
        ctx.decide(Decision("attach-headline", "kicker",
                            f"“{kicker.text[:16]}” heads no article: kicker of “{title.text[:16]}” under it",
                            KICKER_CONFIDENCE, {"kicker": kicker.text}, kicker.start, kicker.end))
        changes.append(Change("attach-headline", kicker.start, kicker.end, kicker.text, kicker.text,
                              note=f"kicker of the headline “{title.text[:16]}” under it",
                              confidence=KICKER_CONFIDENCE))
    return taken, changes


def _line_length(block: PlacedBlock) -> float:
    """Characters per line of a block: its lines' width in print, near enough."""
    return len(block.text) / block.info.line_count


def _runs_into_body(masthead: Masthead, after: Masthead | Body | None, attached: dict[int, list[Masthead]]) -> bool:
    """The masthead heads the body right under it (`after`), and runs into it without a
    blank line: the extractor made one block of them."""
    return isinstance(after, Body) and bool(after.blocks) and not after.blocks[0].info.blank_before \
        and any(m is masthead for m in attached.get(id(after), []))


def _article(body: Body, mastheads: list[Masthead]) -> Article:
    article = Article()
    headed = [m for m in mastheads if m.heading is not None]
    if headed:
        kicker, title, subtitle = split_heading(headed[0].heading.text)
        article.kicker, article.headline = kicker, title
        if subtitle:
            article.subtitle = subtitle
        heading = headed[0].heading
        article.meta_blocks.append(Block("headline", heading.text, heading.start, heading.end))
    article.meta_blocks += [Block("byline", b.text, b.start, b.end) for m in mastheads for b in m.bylines]
    # A byline in brackets under the text closes the article as a source credit does.
    signed = [is_trailing_byline(s.text) for s in body.sources]
    article.meta_blocks += [Block("byline" if byline else "source", s.text, s.start, s.end)
                            for s, byline in zip(body.sources, signed, strict=True)]
    credits = [s for s, byline in zip(body.sources, signed, strict=True) if not byline]
    bylines = [b.text for m in mastheads for b in m.bylines]
    bylines += [source_name(s.text) for s, byline in zip(body.sources, signed, strict=True) if byline]
    if bylines:
        article.byline = " ".join(bylines)
    if credits:
        article.source = "；".join(source_name(s.text) for s in credits)
    for block in body.blocks:
        kind = "subhead" if block.info.kind == "subhead" else "paragraph"
        article.blocks.append(Block(kind, block.text, block.start, block.end))
    return article

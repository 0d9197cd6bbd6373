#!/usr/bin/env python3
"""Build the example series "Building Healthy Garden Soil" as WordPress REST API JSON.

    python3 examples/garden-soil/make_example.py

writes part-1.json, part-2.json and part-3.json next to this script. Each file has the shape
of GET /wp-json/wp/v2/posts/<id>?_embed on a WordPress 6.x site, encoded the way PHP's
json_encode writes it (compact, "\\/" for slashes, "\\uXXXX" for everything non-ASCII).

The words are original, written for postbinder. The markup deliberately copies the habits of
real posts: text pasted from Word (data-contrast spans, data-ccp-props spacers, no-break
spaces, Word list attributes, <b>/<i> instead of <strong>/<em>), mixed with Gutenberg blocks
(figures, table, quote, code, embed, lists), curly quotes both as literal characters and as
wptexturize entities, plus things a converter must remove (a <script>, an onclick).

Image paths are relative ("images/...") so the example builds offline; the images are drawn
by images/make_images.py. If Pillow is importable, image sizes are checked against the
width/height written into the markup.
"""

import json
import os
import re

HERE = os.path.dirname(os.path.abspath(__file__))
SITE = "https://gardenpath.example.org"
API = SITE + "/wp-json/wp/v2"
NBSP = "\u00a0"

# --------------------------------------------------------------------------------------
# Markup helpers: what Word-pasted text looks like after WordPress has stored it.
# --------------------------------------------------------------------------------------
SPACER = '<span data-ccp-props="{}">' + NBSP + "</span>"
SPACER_PROPS = ('<span data-ccp-props="{&quot;201341983&quot;:0,&quot;335559739&quot;:160,'
                '&quot;335559740&quot;:259}">' + NBSP + "</span>")


def word(text):
    """Word puts a no-break space before the second space after a sentence."""
    return text.replace(".  ", "." + NBSP + " ").replace("?  ", "?" + NBSP + " ")


def s(text, contrast="auto"):
    return f'<span data-contrast="{contrast}">{word(text)}</span>'


def b(text):
    return f"<b>{s(text)}</b>"


def i(text):
    return f"<i>{s(text)}</i>"


def bi(text):
    return f"<b><i>{s(text)}</i></b>"


def p(*runs, spacer=SPACER):
    return "<p>" + "".join(runs) + spacer + "</p>"


def h2(text):
    return f"<h2><b>{s(text)}</b>{SPACER}</h2>"


def word_list(tag, items, listid, leveltext, font_name, level=1):
    """A list pasted from Word, as the classic editor keeps it."""
    defn = ("{&quot;335552541&quot;:" + ("0" if tag == "ol" else "1") +
            ",&quot;335559685&quot;:" + str(720 * level) +
            ",&quot;335559991&quot;:360,&quot;469769226&quot;:&quot;" + font_name +
            "&quot;,&quot;469769242&quot;:[" + ("65533,0" if tag == "ol" else "8226") +
            "],&quot;469777803&quot;:&quot;left&quot;,&quot;469777804&quot;:&quot;" + leveltext +
            "&quot;,&quot;469777815&quot;:&quot;hybridMultilevel&quot;}")
    lis = []
    for n, item in enumerate(items, 1):
        lis.append(f'<li data-leveltext="{leveltext}" data-font="{font_name}" data-listid="{listid}" '
                   f'data-list-defn-props="{defn}" aria-setsize="-1" data-aria-posinset="{n}" '
                   f'data-aria-level="{level}">{item}</li>')
    return f"<{tag}>\n" + "\n".join(lis) + f"\n</{tag}>"


def classic_img(media_id, name, ext, full_w, full_h, medium, alt, align, first=False):
    """An <img> as the classic editor stores it, after WordPress 6.x adds its attributes."""
    mw, mh = medium
    src = f"images/{name}-{mw}x{mh}.{ext}"
    srcset = f"{src} {mw}w, images/{name}.{ext} {full_w}w"
    if first:  # the first large image above the fold gets fetchpriority, not lazy loading
        head = 'fetchpriority="high" decoding="async"'
        sizes = f"(max-width: {mw}px) 100vw, {mw}px"
    else:
        head = 'loading="lazy" decoding="async"'
        sizes = f"auto, (max-width: {mw}px) 100vw, {mw}px"
    cls = (f"wp-image-{media_id} size-medium {align}" if first
           else f"size-medium wp-image-{media_id} {align}")
    return (f'<img {head} class="{cls}" src="{src}" alt="{alt}" width="{mw}" height="{mh}" '
            f'title="" srcset="{srcset}" sizes="{sizes}" />')


def figure_img(media_id, name, ext, w, h, variants, alt, caption):
    """A Gutenberg image block (size large) as rendered by WordPress 6.x."""
    srcset = ", ".join([f"images/{name}.{ext} {w}w"] +
                       [f"images/{name}-{vw}x{vh}.{ext} {vw}w" for vw, vh in variants])
    return (f'<figure class="wp-block-image size-large"><img decoding="async" loading="lazy" '
            f'width="{w}" height="{h}" src="images/{name}.{ext}" alt="{alt}" '
            f'class="wp-image-{media_id}" srcset="{srcset}" '
            f'sizes="auto, (max-width: {w}px) 100vw, {w}px" />'
            f'<figcaption class="wp-element-caption">{caption}</figcaption></figure>')


def assemble(chunks):
    """Classic-editor runs are joined by single newlines (wpautop); block markup is
    separated by the blank lines left behind when the block comments are removed."""
    out = ""
    prev = None
    for kind, html in chunks:
        if prev is None:
            out = ("\n" if kind == "block" else "") + html
        elif kind == "classic" and prev == "classic":
            out += "\n" + html
        else:
            out += "\n\n\n\n" + html
        prev = kind
    return out + "\n"


def C(html):
    return ("classic", html)


def B(html):
    return ("block", html)


# --------------------------------------------------------------------------------------
# Posts
# --------------------------------------------------------------------------------------
LINK1 = SITE + "/2024/03/05/building-healthy-garden-soil-part-1-reading-what-you-have/"
LINK2 = SITE + "/2024/03/19/building-healthy-garden-soil-part-2-compost-that-works/"
LINK3 = SITE + "/2024/04/02/building-healthy-garden-soil-part-three-cover-crops-and-rest/"
TEXTURE_TRIANGLE = "https://soil-lab.example.net/tools/texture-triangle"
PHOSPHORUS_GUIDE = "https://soil-lab.example.net/guides/reading-phosphorus-results"

PART1 = assemble([
    C(p(f'<i><span data-contrast="auto">'
        + classic_img(1203, "soil-jar-test", "jpg", 800, 600, (300, 225),
                      "A glass jar of garden soil settled into bands of sand, silt and clay",
                      "alignleft", first=True)
        + word("Every spring somebody leans over my fence and asks what they should be adding to "
               "their garden.  My answer is always another question: what have you got already?  "
               "Most of the money people spend on bagged amendments is spent blind.  They buy lime "
               "for soil that is already sweet, sand for clay that really needs organic matter, and "
               "fertilizer for beds that have been quietly overfed for years.  Before you add "
               "anything, it’s worth an afternoon to find out what you are standing on.  ")
        + "</span></i>")),
    C(p(SPACER, s("This is the first of three posts on building soil the slow, cheap way.  Today is "
                  f'about reading what you have.  <a href="{LINK2}">Part 2</a> is about compost, and '
                  f'<a href="{LINK3}">Part 3</a> about cover crops and letting beds rest.  '))),
    C(h2("Start With Your Hands")),
    C(p(s("Soil texture, the mix of sand, silt and clay, is the one thing you can’t change much, so "
          "it’s the first thing to learn.  Take a pinch of damp soil and rub it between your "
          "fingers.  Sand feels gritty, and you can often hear it scrape.  Silt feels smooth and a "
          "little soapy, like flour.  Clay is sticky when wet and takes on a shine when you smear "
          "it with your thumb.  "))),
    C(p(s("For a slightly better guess, try the "), i("ribbon test"),
        s(".  Moisten a walnut-sized lump until it feels like putty, then squeeze it out between "
          "thumb and forefinger, pushing it up into a flat ribbon until it breaks under its own "
          "weight.  No ribbon at all means a sandy soil.  A ribbon shorter than 2.5 cm (an inch) "
          "suggests a loam, 2.5 to 5 cm a clay loam, and anything longer means you are gardening "
          "on clay."), spacer=SPACER_PROPS)),
    B('<h2 class="wp-block-heading" id="jar-test">The Jar Test</h2>'),
    C(p(s("Fingers only tell you so much.  The jar test gives you rough percentages for the price "
          "of a jar and a little patience:"))),
    C(word_list("ol", [
        s("Collect soil from four or five spots in the bed, from about 10–15 cm (4–6 in) down, and "
          "mix it in a bucket.") + SPACER + "\n" +
        word_list("ul", [
            s("Pick out stones, roots and bits of mulch.") + SPACER,
            s("Crumble any clods between your fingers.") + SPACER,
            s("If it’s very wet, let it dry on newspaper for a day.") + SPACER,
        ], 2, "o", "Courier New", level=2),
        s("Fill a straight-sided jar about one third full with soil and top it up to two thirds "
          "with water.  Add a teaspoon of powdered dishwasher detergent or washing soda; it helps "
          "the particles separate.") + SPACER,
        s("Put the lid on and shake hard for three or four minutes.  Your arms will complain.  "
          "Shake anyway.") + SPACER,
        s("Set the jar down and start a timer.  After one minute, mark the top of the layer on the "
          "bottom: that’s sand.  After two hours, mark again; the new layer is silt.  Clay can take "
          "a day or more to settle, and the water may stay cloudy for a week.") + SPACER,
        s("Measure each band and divide by the total height of settled soil.  Those percentages go "
          f'on a <a href="{TEXTURE_TRIANGLE}">soil texture triangle</a>, which turns them into a '
          "name like “sandy loam” or “silty clay.”") + SPACER,
    ], 1, "%1.", "Georgia")),
    C(p(s("The jar in the photo came from my lowest bed, by the fence.  It settled out at roughly "
          "45% sand, 35% silt and 20% clay, which the triangle calls a loam: good news, and proof "
          "that the bed’s slow drainage comes from compaction, not from clay."))),
    B(figure_img(1205, "soil-horizons", "png", 900, 620, [(300, 207), (768, 529)],
                 "Diagram of a soil profile: a thin layer of leaf litter, dark topsoil full of roots, "
                 "paler subsoil, and stony parent material at the bottom",
                 "The layers you&#8217;ll see in a test hole. Most of the life, and most of what a "
                 "gardener can change, lives in the top 25&nbsp;cm.")),
    C(h2("Dig a Hole and Look")),
    C(p(s("Next, dig a hole a spade deep and a spade wide, and study its walls.  Dark, crumbly "
          "topsoil going down 20 cm or more is good news.  If the color changes sharply a few "
          "centimeters down, or the spade meets a hard, pale layer, you have found where years of "
          "walking and tilling have pressed the soil flat.  "))),
    C(p(s("Then smell it.  Healthy soil smells sweet and earthy, like a wood after rain.  A sour or "
          "rotten-egg smell means the soil has been sitting wet and short of air.  Finally, count "
          "the earthworms in the spadeful you lifted out.  Ten or more is a thriving soil; none at "
          "all is worth worrying about."))),
    C(p(bi("Last, test drainage"),
        s(": fill the hole with water and let it drain, then fill it again and measure how far the "
          "level drops in an hour.  Somewhere between 2.5 and 7.5 cm (1 to 3 in) an hour suits "
          "most vegetables.  Much slower, and raised beds are worth considering.  Much faster, "
          "and your soil will need extra organic matter to hold moisture.  "))),
    C("<p>&nbsp;</p>"),
    C(h2("Send a Sample to a Lab")),
    C(p(s("Home pH kits are fun, but they are rough.  Every spring I send a sample from each bed to "
          "the soil lab at our county extension office.  For a modest fee you get pH, organic "
          "matter and the main nutrients, with advice on what (if anything) to add.  Keep every "
          "report.  The numbers matter less on their own than the way they move over the years, so "
          "I copy the key ones into a plain text file:"))),
    B('<pre class="wp-block-code"><code># soil-test-log.txt  back garden, three raised beds, spring samples\n'
      "# date      bed  pH   OM%   P ppm  K ppm  notes\n"
      "2021-04-03  1    6.1  2.4   38     140    first test; loam, compacted\n"
      "2021-04-03  2    6.3  2.6   41     155\n"
      "2021-04-03  3    6.2  2.5   36     132    control: nothing added\n"
      "2022-04-09  1    6.3  3.2   49     170    5 cm compost, Oct 2021\n"
      "2022-04-09  2    6.4  3.6   47     182    compost + rye &amp; vetch\n"
      "2022-04-09  3    6.2  2.4   35     130\n"
      "2023-04-08  1    6.5  4.1   62     190    P &gt; 60: ease off manure compost\n"
      "2023-04-08  2    6.6  4.6   58     210    best crops yet\n"
      "2023-04-08  3    6.2  2.5   35     128    still &lt; 3% OM</code></pre>"),
    C(p(s("None of this takes more than a weekend, and it will change what you buy.  For me it "
          "meant no more lime, no more sand, and a great deal more compost, which is where "
          f'<a href="{LINK2}">Part 2</a> picks up.'))),
    C(p(i("Updated April 2: added links to the rest of the series."), spacer="")),
    C(f"<p>{SPACER}</p>"),
    C('<script type="text/javascript">window.gpStats = window.gpStats || []; '
      'gpStats.push(["read", 1201, "soil-series"]);</script>'),
])

PART2 = assemble([
    C(p(s(f'In <a href="{LINK1}">Part 1</a> we dug holes, shook jars and sent off a soil sample.  '
          "Whatever your results said, the answer for almost every garden soil is the same: more "
          "organic matter.  Sandy soil needs it to hold water and nutrients; clay needs it to open "
          "up and drain.  Compost is the cheapest way I know to get it, and it’s made from things "
          "you are probably paying someone to haul away.  "))),
    C("<p>" + classic_img(1217, "compost-bin", "gif", 640, 480, (300, 225), "", "alignright")
      + "</p>"),
    C(h2("Greens and Browns")),
    C(p(s("A compost pile is a meal for bacteria and fungi, and like any meal it needs balance.  "
          "The microbes want roughly thirty parts carbon for every part nitrogen.  Nitrogen-rich "
          "“greens” are the fresh, wet things: kitchen scraps, grass clippings, coffee grounds, "
          "manure.  Carbon-rich “browns” are dry and tough: autumn leaves, straw, shredded "
          "cardboard, wood chips.  "),
        b("You don’t need to do the math."),
        s("  In practice, two or three buckets of browns to each bucket of greens gets you "
          "close enough."))),
    B('<figure class="wp-block-table"><table class="has-fixed-layout"><thead><tr>'
      "<th>Material</th><th>Green or brown</th><th>Approx. C:N</th></tr></thead><tbody>"
      "<tr><td>Vegetable &amp; fruit scraps</td><td>Green</td><td>15–25 : 1</td></tr>"
      "<tr><td>Grass clippings, fresh</td><td>Green</td><td>15–25 : 1</td></tr>"
      "<tr><td>Coffee grounds</td><td>Green</td><td>20 : 1</td></tr>"
      "<tr><td>Horse manure with straw bedding</td><td>Both</td><td>30–60 : 1</td></tr>"
      "<tr><td>Autumn leaves</td><td>Brown</td><td>40–80 : 1</td></tr>"
      "<tr><td>Straw</td><td>Brown</td><td>50–100 : 1</td></tr>"
      "<tr><td>Wood chips</td><td>Brown</td><td>100–500 : 1</td></tr>"
      "<tr><td>Shredded cardboard</td><td>Brown</td><td>about 350 : 1</td></tr>"
      "</tbody></table><figcaption class=\"wp-element-caption\">Rough carbon-to-nitrogen ratios "
      "of common materials. Real values vary a lot with age and moisture, so treat them as a "
      "guide, not a recipe.</figcaption></figure>"),
    C(h2("Water and Air")),
    C(p(s("The other two ingredients are water and air.  A working pile should feel like a "
          "wrung-out sponge: damp all the way through, but not dripping.  Too dry and everything "
          "stops.  Too wet and the air spaces fill with water, the helpful microbes suffocate, and "
          "the smell arrives.  Turning the pile with a fork every week or two lets air back in "
          "and moves the cooler material from the outside into the hot middle.  "))),
    C(p(s("Build a heap at least a meter (about three feet) on each side, all at once, and it can "
          "reach 55–65 °C (130–150 °F) within a few days.  Held there for several days, that heat "
          "kills most weed seeds and plant diseases.  A smaller pile fed a bucket at a time stays "
          "cool.  "), i("Cool compost is still good compost"),
        s("; it just takes a year instead of a couple of months, and you should keep seeding weeds "
          "and diseased plants out of it."))),
    B('<blockquote class="wp-block-quote is-layout-flow wp-block-quote-is-layout-flow">'
      "<p>Feed a heap the way you&#8217;d feed a goat: a bit of everything, and never too much of "
      "any one thing.</p><cite>Arvid, my neighbor of twenty years, who has kept the same three "
      "bins since 1987</cite></blockquote>"),
    B('<figure class="wp-block-embed is-type-video is-provider-youtube wp-block-embed-youtube '
      'wp-embed-aspect-16-9 wp-has-aspect-ratio"><div class="wp-block-embed__wrapper">\n'
      '<iframe title="Building a Hot Compost Pile in One Afternoon" width="500" height="281" '
      'src="https://www.youtube.com/embed/k3Vq7TzR0pM?feature=oembed" frameborder="0" '
      'allow="accelerometer; autoplay; clipboard-write; encrypted-media; gyroscope; '
      'picture-in-picture; web-share" referrerpolicy="strict-origin-when-cross-origin" '
      "allowfullscreen></iframe>\n</div><figcaption class=\"wp-element-caption\">Arvid builds a "
      "hot pile from scratch in his three-bay system.</figcaption></figure>"),
    C(h2("What Compost Did for My Beds")),
    C(p(s("I’ve tracked organic matter in three beds since 2021.  Two of them get about 5 cm (2 in) "
          "of compost spread on top every autumn; the third gets nothing, as a control.  The lab "
          "numbers tell the story better than I can:"))),
    B(figure_img(1219, "organic-matter-chart", "png", 800, 500, [(300, 188)],
                 "Bar chart of soil organic matter from 2021 to 2023: Bed 1 rose from 2.4% to 4.1%, "
                 "Bed 2 from 2.6% to 4.6%, and Bed 3, which got nothing, stayed near 2.5%",
                 "Organic matter from my spring lab tests. Bed&nbsp;3 is the control: no compost, "
                 "no cover crop.")),
    C(p(s("Notice what didn’t happen in Bed 3.  Without new material, organic matter holds steady "
          "at best, because soil life eats it about as fast as roots and fallen leaves replace it.  "
          "Bed 2, which also grew a winter cover crop, did best of all.  More on that next time."))),
    C(h2("Using the Finished Compost")),
    C(p(s("Compost is ready when it is dark and crumbly, smells like the forest floor, and you can "
          "no longer tell what went into it.  I sift mine through a frame of 12 mm (half-inch) "
          "hardware cloth and toss the lumps onto the next pile.  Spread it on the surface rather "
          "than digging it in: the worms will do the mixing, and you won’t break up the structure "
          "you are trying to build.  "))),
    C(p(s("One warning from my own test log.  Compost made mostly from manure is rich in "
          "phosphorus, and phosphorus builds up.  If your report already shows it high, switch to "
          "leaf- and plant-based compost for a few years.  The "
          f'<a href="{PHOSPHORUS_GUIDE}" onclick="gpStats.push([\'outbound\', this.href]);">'
          "lab’s guide to phosphorus results</a> explains the numbers well."))),
    C(p(s("When things go wrong:"))),
    C(word_list("ul", [
        b("Smells of ammonia:") + s(" too many greens.  Mix in dry leaves or shredded cardboard.")
        + SPACER,
        b("Wet, slimy and sour:") + s(" too much water, too little air.  Add browns and turn it.")
        + SPACER,
        b("Dry, and nothing is happening:") + s(" water it as you turn it, a layer at a time.")
        + SPACER,
        b("Never heats up:") + s(" too small, too dry, or short of greens.  That’s fine; it will "
                                 "still rot, just slowly.") + SPACER,
    ], 3, "\uf0b7", "Symbol")),
    C(p(s("Next time: what to do with beds in the off-season, and why the best thing for soil is "
          "sometimes to leave it alone."))),
    C("<p>" + NBSP + "</p>"),
])

PART3 = assemble([
    C(p(s("Cover crops are an autumn job, but April is when they show you why they’re worth the "
          "trouble.  Think back to late September: the tomatoes done, the squash vines collapsed, "
          "and the temptation to pull everything out, rake the beds clean and leave them bare "
          "until spring.  Next time, resist it.  Bare soil spends the winter being pounded by "
          "rain, which seals the surface into a crust and carries the finest particles (the "
          f'<a href="{LINK1}#jar-test">clay and organic matter you measured in your jar</a>) off '
          "toward the nearest drain.  "))),
    C(p(SPACER, s(f'If you’re just joining, <a href="{LINK1}">Part 1</a> covers reading your soil '
                  f'and <a href="{LINK2}">Part 2</a> covers compost.  This last part is about '
                  "keeping soil covered, and knowing when to let it rest."))),
    C(h2("What a Cover Crop Does")),
    C(p(s("A cover crop is anything you grow to protect and feed the soil rather than to eat.  Its "
          "roots hold the ground in place and feed the fungi and bacteria around them with sugars "
          "they leak into the soil.  Its leaves shade out weeds.  When you cut it down in spring, "
          "all that growth becomes food for soil life, and organic matter rises.  "))),
    C(p(s("Different plant families do different jobs.  "), b("Grasses"),
        s(" such as cereal rye and oats grow a dense mat of fine roots and soak up nitrogen left "
          "over from summer crops, holding it until spring instead of letting it wash away.  "),
        b("Legumes"),
        s(" such as clovers and vetch partner with bacteria in nodules on their roots to take "
          "nitrogen from the air.  Plants with deep taproots, like forage radish, push down "
          "through compacted layers and leave open channels behind when they rot."))),
    B('<h2 class="wp-block-heading">My Short List</h2>'),
    B('<ul class="wp-block-list">\n'
      "<li><strong>Cereal rye</strong> &#8211; the toughest of the lot. It can be sown later than "
      "anything else, into mid-October in my zone&nbsp;6 garden, and grows whenever the weather "
      "allows.</li>\n\n\n\n"
      "<li><strong>Crimson clover</strong> &#8211; beautiful in April and fixes nitrogen, but it "
      "needs sowing by early September to settle in before the cold.</li>\n\n\n\n"
      "<li><strong>Hairy vetch</strong> &#8211; the nitrogen champion. I sow it mixed with rye so "
      "it has something to climb.</li>\n\n\n\n"
      "<li><strong>Oats</strong> &#8211; killed by hard frost in cold zones, leaving a soft mulch "
      "you can plant straight into. Ideal ahead of early spring crops.</li>\n\n\n\n"
      "<li><strong>Buckwheat</strong> &#8211; a summer gap filler that flowers in about five "
      "weeks. The bees will thank you.</li>\n"
      "</ul>"),
    B(figure_img(1235, "cover-crop-field", "jpg", 1000, 600, [(300, 180), (768, 461)],
                 "Crimson clover in flower among tall cereal rye, with a line of trees behind",
                 "Rye and crimson clover at the community garden&#8217;s farm plot in late April, "
                 "about two weeks before cutting.")),
    C(h2("Ending a Cover Crop Without a Tiller")),
    C(p(s("The hard part of cover cropping is the end.  Tilling the crop in works, but it undoes "
          "much of the structure the roots have built.  I prefer to cut it down and leave it on "
          "the surface."))),
    C(p(s("Timing matters more than tools.  Rye and vetch both die reliably if you cut them while "
          "they are flowering: rye when the heads are shedding pollen and look dusty, vetch when "
          "it’s in full purple bloom.  Cut earlier and they simply grow back.  I use a sharp sickle "
          "or a string trimmer, cut low, and let the stems fall where they stood as a mulch.  "))),
    C(p(s("If you need the bed sooner, lay a heavy black tarp over the cut crop for three or four "
          "weeks.  The soil life does the rest in the dark, and you lift the tarp off a clean, "
          "weed-free bed.  Transplants like tomatoes and squash can go straight through the mulch.  "
          "Small seeds are another matter: "),
        i("rye residue releases compounds that hold back germination for several weeks"),
        s(", so give carrot and lettuce beds a little longer, or sow them where clover grew "
          "alone."))),
    C(h2("The Case for Rest")),
    C(p(s("Finally, a word for doing nothing.  Every few years I give one bed a whole season off: "
          "a cover crop in spring, another in late summer, and no harvest at all.  It feels "
          "wasteful until you see the year after.  Crops are heavier, the soil is easier to work, "
          "and pests that build up when the same family grows in the same place lose their "
          "foothold.  "))),
    C(p(s("That’s the whole system, and none of it is new.  Look closely at what you have, feed it "
          "with compost, keep it covered, and let it rest now and then.  Come spring, "
          f'<a href="{LINK1}">do the jar test again</a>.  The sand, silt and clay won’t have '
          "changed, but I’d bet the soil in your hands feels different."))),
    C("<p>&nbsp;</p>"),
    C('<script async src="https://stats.gardenpath.example.org/embed/newsletter.js" '
      'data-list="soil-series"></script>'),
    C('<p><b><span data-contrast="auto">Want the next series in your inbox?</span></b> '
      '<a href="https://gardenpath.example.org/newsletter/" '
      'onclick="return gpNewsletter.open(this);">Sign up for the newsletter</a>.</p>'),
])

# --------------------------------------------------------------------------------------
# Taxonomy, author, media
# --------------------------------------------------------------------------------------
CATEGORIES = {12: ("Soil &amp; Compost", "soil-compost"),
              5: ("Vegetable Garden", "vegetable-garden"),
              31: ("Series", "series")}
TAGS = {44: ("soil", "soil"), 45: ("compost", "compost"), 46: ("soil testing", "soil-testing"),
        47: ("cover crops", "cover-crops"), 48: ("organic matter", "organic-matter"),
        49: ("no-dig", "no-dig")}

CURIES = [{"name": "wp", "href": "https://api.w.org/{rel}", "templated": True}]


def term_object(tid, taxonomy):
    name, slug = (CATEGORIES if taxonomy == "category" else TAGS)[tid]
    base = "categories" if taxonomy == "category" else "tags"
    path = "category" if taxonomy == "category" else "tag"
    return {
        "id": tid,
        "link": f"{SITE}/{path}/{slug}/",
        "name": name,
        "slug": slug,
        "taxonomy": taxonomy,
        "_links": {
            "self": [{"href": f"{API}/{base}/{tid}", "targetHints": {"allow": ["GET"]}}],
            "collection": [{"href": f"{API}/{base}"}],
            "about": [{"href": f"{API}/taxonomies/{taxonomy}"}],
            "wp:post_type": [{"href": f"{API}/posts?{base}={tid}"}],
            "curies": CURIES,
        },
    }


AUTHOR = {
    "id": 7,
    "name": "Maren Holt",
    "url": "",
    "description": "Maren has grown vegetables on heavy ground since 2009 and writes about "
                   "the slow, cheap ways of making soil better.",
    "link": f"{SITE}/author/maren-holt/",
    "slug": "maren-holt",
    "avatar_urls": {str(n): f"{SITE}/wp-content/uploads/2022/01/maren-holt-avatar-{n}x{n}.jpg"
                    for n in (24, 48, 96)},
    "_links": {
        "self": [{"href": f"{API}/users/7", "targetHints": {"allow": ["GET"]}}],
        "collection": [{"href": f"{API}/users"}],
    },
}


def filesize(rel):
    return os.path.getsize(os.path.join(HERE, rel))


def featured_media():
    name, w, h = "garden-bed-cover", 1200, 800
    sizes = {}
    for key, (sw, sh) in (("medium", (300, 200)), ("large", (1024, 683)),
                          ("thumbnail", (150, 150)), ("medium_large", (768, 512))):
        f = f"{name}-{sw}x{sh}.jpg"
        sizes[key] = {"file": f, "width": sw, "height": sh, "filesize": filesize("images/" + f),
                      "mime_type": "image/jpeg", "source_url": "images/" + f}
    sizes["full"] = {"file": f"{name}.jpg", "width": w, "height": h, "mime_type": "image/jpeg",
                     "source_url": f"images/{name}.jpg"}
    return {
        "id": 1209,
        "date": "2024-03-04T21:12:40",
        "slug": name,
        "type": "attachment",
        "link": f"{LINK1}{name}/",
        "title": {"rendered": name},
        "author": 7,
        "caption": {"rendered": "<p>A raised bed cut open: dark topsoil, roots and worms above "
                                "paler, stonier subsoil.</p>\n"},
        "alt_text": "Illustration of a raised bed of lettuce cut away to show layers of soil, "
                    "roots and earthworms",
        "media_type": "image",
        "mime_type": "image/jpeg",
        "media_details": {
            "width": w,
            "height": h,
            "file": f"2024/03/{name}.jpg",
            "filesize": filesize(f"images/{name}.jpg"),
            "sizes": sizes,
            "image_meta": {"aperture": "0", "credit": "", "camera": "", "caption": "",
                           "created_timestamp": "0", "copyright": "", "focal_length": "0",
                           "iso": "0", "shutter_speed": "0", "title": "", "orientation": "0",
                           "keywords": []},
        },
        "source_url": f"images/{name}.jpg",
        "_links": {
            "self": [{"href": f"{API}/media/1209", "targetHints": {"allow": ["GET"]}}],
            "collection": [{"href": f"{API}/media"}],
            "about": [{"href": f"{API}/types/attachment"}],
            "author": [{"embeddable": True, "href": f"{API}/users/7"}],
            "replies": [{"embeddable": True, "href": f"{API}/comments?post=1209"}],
        },
    }


# --------------------------------------------------------------------------------------
# Post objects
# --------------------------------------------------------------------------------------
def excerpt(html):
    """wp_trim_excerpt: strip tags (and script bodies), first 55 words, ' [&hellip;]'."""
    text = re.sub(r"<script\b.*?</script>", "", html, flags=re.S)
    text = re.sub(r"<[^>]+>", "", text)
    words = re.split(r"[\n\r\t ]+", text.strip())
    return "<p>" + " ".join(words[:55]) + " [&hellip;]</p>\n"


def post(pid, date, date_gmt, modified, modified_gmt, slug, link, title, content, cats, tags,
         featured, revisions, ping_status):
    class_list = [f"post-{pid}", "post", "type-post", "status-publish", "format-standard"]
    if featured:
        class_list.append("has-post-thumbnail")
    class_list.append("hentry")
    class_list += [f"category-{CATEGORIES[c][1]}" for c in cats]
    class_list += [f"tag-{TAGS[t][1]}" for t in tags]
    links = {
        "self": [{"href": f"{API}/posts/{pid}", "targetHints": {"allow": ["GET"]}}],
        "collection": [{"href": f"{API}/posts"}],
        "about": [{"href": f"{API}/types/post"}],
        "author": [{"embeddable": True, "href": f"{API}/users/7"}],
        "replies": [{"embeddable": True, "href": f"{API}/comments?post={pid}"}],
        "version-history": [{"count": revisions[0], "href": f"{API}/posts/{pid}/revisions"}],
    }
    if revisions[0]:
        links["predecessor-version"] = [{"id": revisions[1],
                                         "href": f"{API}/posts/{pid}/revisions/{revisions[1]}"}]
    if featured:
        links["wp:featuredmedia"] = [{"embeddable": True, "href": f"{API}/media/{featured}"}]
    links["wp:attachment"] = [{"href": f"{API}/media?parent={pid}"}]
    links["wp:term"] = [
        {"taxonomy": "category", "embeddable": True, "href": f"{API}/categories?post={pid}"},
        {"taxonomy": "post_tag", "embeddable": True, "href": f"{API}/tags?post={pid}"},
    ]
    links["curies"] = CURIES
    embedded = {"author": [AUTHOR]}
    if featured:
        embedded["wp:featuredmedia"] = [featured_media()]
    embedded["wp:term"] = [[term_object(c, "category") for c in cats],
                           [term_object(t, "post_tag") for t in tags]]
    return {
        "id": pid,
        "date": date,
        "date_gmt": date_gmt,
        "guid": {"rendered": f"{SITE}/?p={pid}"},
        "modified": modified,
        "modified_gmt": modified_gmt,
        "slug": slug,
        "status": "publish",
        "type": "post",
        "link": link,
        "title": {"rendered": title},
        "content": {"rendered": content, "protected": False},
        "excerpt": {"rendered": excerpt(content), "protected": False},
        "author": 7,
        "featured_media": featured,
        "comment_status": "open",
        "ping_status": ping_status,
        "sticky": False,
        "template": "",
        "format": "standard",
        "meta": {"footnotes": ""},
        "categories": cats,
        "tags": tags,
        "class_list": class_list,
        "_links": links,
        "_embedded": embedded,
    }


POSTS = {
    # Part 1: published in CST (UTC-6), edited after the DST switch (UTC-5) to add links.
    "part-1.json": post(
        1201, "2024-03-05T06:30:00", "2024-03-05T12:30:00",
        "2024-04-02T20:14:09", "2024-04-03T01:14:09",
        "building-healthy-garden-soil-part-1-reading-what-you-have", LINK1,
        "Building Healthy Garden Soil, Part 1: Reading What You Have",
        PART1, [12, 5, 31], [44, 46, 48], 1209, (3, 1241), "open"),
    "part-2.json": post(
        1215, "2024-03-19T06:30:00", "2024-03-19T11:30:00",
        "2024-03-19T09:02:47", "2024-03-19T14:02:47",
        "building-healthy-garden-soil-part-2-compost-that-works", LINK2,
        "Building Healthy Garden Soil &#8211; Part 2: Compost That Works",
        PART2, [12, 31], [44, 45, 48], 0, (1, 1223), "closed"),
    # Part 3 was scheduled: last modified before its publication date.
    "part-3.json": post(
        1233, "2024-04-02T06:30:00", "2024-04-02T11:30:00",
        "2024-03-30T16:48:21", "2024-03-30T21:48:21",
        "building-healthy-garden-soil-part-three-cover-crops-and-rest", LINK3,
        "Building Healthy Garden Soil, Part Three: Cover Crops and Rest",
        PART3, [12, 5, 31], [44, 47, 48, 49], 0, (0, 0), "closed"),
}


def php_json_encode(obj):
    """Compact, ASCII-only, with escaped slashes, like PHP's json_encode."""
    return json.dumps(obj, ensure_ascii=True, separators=(",", ":")).replace("/", "\\/")


def check(name, data):
    html = data["content"]["rendered"]
    refs = re.findall(r'\ssrc="([^"]+)"', html)
    for srcset in re.findall(r'\ssrcset="([^"]+)"', html):
        refs += [c.strip().split(" ")[0] for c in srcset.split(",")]
    media = data["_embedded"].get("wp:featuredmedia", [])
    for m in media:
        refs.append(m["source_url"])
        refs += [sz["source_url"] for sz in m["media_details"]["sizes"].values()]
    for ref in refs:
        if ref.startswith(("http://", "https://")):
            continue
        path = os.path.join(HERE, ref)
        if not os.path.isfile(path):
            raise SystemExit(f"{name}: missing image {ref}")
    try:
        from PIL import Image
    except ImportError:
        return
    for tag in re.findall(r"<img\b[^>]*>", html):
        src = re.search(r'\ssrc="([^"]+)"', tag).group(1)
        w = int(re.search(r'\swidth="(\d+)"', tag).group(1))
        h = int(re.search(r'\sheight="(\d+)"', tag).group(1))
        with Image.open(os.path.join(HERE, src)) as im:
            if im.size != (w, h):
                raise SystemExit(f"{name}: {src} is {im.size}, markup says {(w, h)}")


def main():
    for name, data in POSTS.items():
        check(name, data)
        text = php_json_encode(data)
        assert json.loads(text) == data
        with open(os.path.join(HERE, name), "w", encoding="ascii", newline="") as f:
            f.write(text)
        words = len(re.sub(r"<script\b.*?</script>|<[^>]+>", " ",
                           data["content"]["rendered"], flags=re.S).split())
        print(f"wrote {name}: {data['title']['rendered']} ({words} words)")


if __name__ == "__main__":
    main()

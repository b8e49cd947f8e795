"""Build `geokg.grass`, the Neo4j Browser style, from the ontology.

GraSS styles relationships by type only, so each fact type gets the colour of
its goldstein class: red for conflict (< 0), green for cooperation (> 0),
grey for neutral. Entities are coloured by kind label and captioned by name,
in captions large enough to read in a neighbourhood of a hundred nodes;
articles by title, claims by type. The Browser draws every relationship with
an arrow; a symmetric type (FIGHTS, BORDERS, ...) is stored once, lower id
first, so its caption says "<-> TYPE": the arrow there is not a direction.

Regenerate after changing the ontology:

    python -m graph.browser.style        # rewrites geokg.grass and style-command.txt

`style-command.txt` is the whole style as ONE Browser command (`:style`
followed by the GraSS text on one line): paste it into the editor and run it.
"""

from __future__ import annotations

from graph.browser import GRASS_PATH, STYLE_COMMAND_PATH
from graph.ontology import RELATION_TYPES, EntityKind

NEGATIVE = "#E53935"
POSITIVE = "#43A047"
NEUTRAL = "#9E9E9E"
PROVENANCE = "#C9CDD2"
# Symmetric types: the Browser still draws an arrow (GraSS cannot hide it).
SYMMETRIC_CAPTION = "'<-> <type>'"

KIND_COLOURS: dict[EntityKind, tuple[str, str]] = {  # fill, border
    EntityKind.COUNTRY: ("#4C8EDA", "#2870C2"),
    EntityKind.CITY: ("#57C7E3", "#23B3D7"),
    EntityKind.PLACE: ("#8DCC93", "#5DB665"),
    EntityKind.ORGANIZATION: ("#FFC454", "#D7A013"),
    EntityKind.PERSON: ("#DA7194", "#CC3C6C"),
    EntityKind.GROUP: ("#8B5E3C", "#6B4226"),
}


def sign_colour(sign: float) -> str:
    if sign < 0:
        return NEGATIVE
    if sign > 0:
        return POSITIVE
    return NEUTRAL


# Captions in single quotes, as the Browser writes them itself: its GraSS
# parser treats only ' as a string delimiter (a " would stay in the caption).
def _block(selector: str, **rules: str) -> str:
    body = "".join(f"  {name.replace('_', '-')}: {value};\n" for name, value in rules.items())
    return f"{selector} {{\n{body}}}\n"


def render_grass() -> str:
    blocks = [
        # No comment line: the Browser's GraSS parser is not a full CSS parser.
        _block(
            "node",
            diameter="50px",
            color="#A5ABB6",
            border_color="#9AA1AC",
            border_width="2px",
            text_color_internal="#FFFFFF",
            font_size="14px",
        ),
        _block(
            "relationship",
            color="#A5ABB6",
            shaft_width="1px",
            font_size="11px",
            padding="3px",
            text_color_external="#000000",
            text_color_internal="#FFFFFF",
            caption="'<type>'",
        ),
    ]
    for kind in EntityKind:
        fill, border = KIND_COLOURS[kind]
        diameter = "80px" if kind is EntityKind.COUNTRY else "60px"
        blocks.append(
            _block(
                f"node.{kind.value}",
                color=fill,
                border_color=border,
                text_color_internal="#FFFFFF",
                diameter=diameter,
                font_size="16px" if kind is EntityKind.COUNTRY else "14px",
                caption="'{name}'",
            )
        )
    blocks.append(
        _block("node.Article", color="#F79767", border_color="#F36924", diameter="40px", caption="'{title}'")
    )
    blocks.append(
        _block("node.Claim", color="#C990C0", border_color="#B261A5", diameter="30px", caption="'{type}'")
    )
    for name, rtype in RELATION_TYPES.items():
        blocks.append(
            _block(
                f"relationship.{name}",
                color=sign_colour(rtype.sign),
                shaft_width="3px" if abs(rtype.sign) >= 5 else "2px",
                caption=SYMMETRIC_CAPTION if rtype.symmetric else "'<type>'",
            )
        )
    for name in ("ASSERTS", "SUBJECT", "OBJECT", "ATTRIBUTED_TO", "MENTIONS"):
        blocks.append(_block(f"relationship.{name}", color=PROVENANCE, shaft_width="1px", caption="'<type>'"))
    return "\n".join(blocks)


def style_command(grass: str | None = None) -> str:
    """The style as one Neo4j Browser command: `:style` and the GraSS on one line."""
    text = grass if grass is not None else render_grass()
    return ":style " + " ".join(text.split()) + "\n"


def main() -> None:
    grass = render_grass()
    GRASS_PATH.write_text(grass, encoding="utf-8")
    STYLE_COMMAND_PATH.write_text(style_command(grass), encoding="utf-8")
    print(f"wrote {GRASS_PATH} and {STYLE_COMMAND_PATH}")


if __name__ == "__main__":
    main()

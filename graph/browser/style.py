"""Build `geokg.grass`, the Neo4j Browser style, from the ontology.

GraSS styles relationships by type only, so each fact type gets the colour of
its sign class: red for conflict (sign < 0), green for cooperation (sign > 0),
grey for neutral. Entities are coloured by kind label and captioned by name;
articles by title, claims by type. Regenerate after changing the ontology:

    python -m graph.browser.style        # rewrites graph/browser/geokg.grass
"""

from __future__ import annotations

from graph.browser import GRASS_PATH
from graph.ontology import RELATION_TYPES, EntityKind

NEGATIVE = "#E53935"
POSITIVE = "#43A047"
NEUTRAL = "#9E9E9E"
PROVENANCE = "#C9CDD2"

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
            font_size="10px",
        ),
        _block(
            "relationship",
            color="#A5ABB6",
            shaft_width="1px",
            font_size="8px",
            padding="3px",
            text_color_external="#000000",
            text_color_internal="#FFFFFF",
            caption='"<type>"',
        ),
    ]
    for kind in EntityKind:
        fill, border = KIND_COLOURS[kind]
        diameter = "65px" if kind is EntityKind.COUNTRY else "50px"
        blocks.append(
            _block(
                f"node.{kind.value}",
                color=fill,
                border_color=border,
                text_color_internal="#FFFFFF",
                diameter=diameter,
                caption='"{name}"',
            )
        )
    blocks.append(
        _block("node.Article", color="#F79767", border_color="#F36924", diameter="40px", caption='"{title}"')
    )
    blocks.append(
        _block("node.Claim", color="#C990C0", border_color="#B261A5", diameter="30px", caption='"{type}"')
    )
    for name, rtype in RELATION_TYPES.items():
        blocks.append(
            _block(
                f"relationship.{name}",
                color=sign_colour(rtype.sign),
                shaft_width="3px" if abs(rtype.sign) >= 5 else "2px",
                caption='"<type>"',
            )
        )
    for name in ("ASSERTS", "SUBJECT", "OBJECT", "ATTRIBUTED_TO", "MENTIONS"):
        blocks.append(_block(f"relationship.{name}", color=PROVENANCE, shaft_width="1px", caption='"<type>"'))
    return "\n".join(blocks)


def main() -> None:
    GRASS_PATH.write_text(render_grass(), encoding="utf-8")
    print(f"wrote {GRASS_PATH}")


if __name__ == "__main__":
    main()

"""Named initiatives: quoted names, document titles and institutions set up, without the
metaphors the genre also puts in quotation marks."""

from briefing.understand.initiatives import find_mentions


def _names(text: str) -> list[tuple[str, str]]:
    return [(name, kind) for _, _, name, kind in find_mentions(text)]


def test_quoted_names_documents_and_institutions_set_up():
    text = "推行“老杨群工”工作法，印发《关于加强矛盾纠纷多元化解的实施意见》，建立诉求联动转办机制。"
    assert _names(text) == [
        ("老杨群工", "other"),
        ("关于加强矛盾纠纷多元化解的实施意见", "document"),
        ("诉求联动转办机制", "mechanism"),
    ]


def test_metaphors_in_quotation_marks_are_not_initiatives():
    assert _names("抓住“牛鼻子”，打通服务群众“最后一公里”，打造平安建设“升级版”。") == []


def test_the_first_in_the_city_is_said_of_an_initiative_not_part_of_its_name():
    assert _names("成立了全市首个区级矛盾纠纷多元化解中心。") == [("矛盾纠纷多元化解中心", "centre")]

"""Recognising the county-level division a report is about, current or former."""

from briefing.understand.normalize import normalize
from briefing.understand.places import Gazetteer, find_district


def test_chongqing_jiangbei_is_the_former_chongqing_district(gazetteer: Gazetteer):
    title = "重庆市江北区2019年政法工作总结"
    body = "2019年，重庆市江北区政法系统坚持稳中求进。江北区委政法委统筹推进平安建设。"
    d = find_district(title, body, gazetteer)
    assert (d.name, d.city, d.code, d.until) == ("江北区", "重庆市", "500105", "2025")


def test_ningbo_jiangbei_is_the_current_ningbo_district(gazetteer: Gazetteer):
    body = "2019年，宁波市江北区政法系统坚持稳中求进。"
    d = find_district("宁波市江北区2019年政法工作总结", body, gazetteer)
    assert (d.code, d.city, d.until) == ("330205", "宁波市", "")


def test_a_tie_between_same_name_divisions_goes_to_the_current_one(gazetteer: Gazetteer):
    # 三元区 350403 and 梅列区 were merged into a new 三元区 350404 of the same city in 2021
    title = "三明市三元区2022年平安建设综述"
    body = "三明市三元区坚持稳中求进，三元区平安建设再上台阶。"
    d = find_district(title, body, gazetteer)
    assert (d.code, d.until) == ("350404", "")


def test_yubei_with_chongqing_is_found(gazetteer: Gazetteer):
    title = "渝北区召开2019年政法工作会议"
    body = "会议指出，重庆市渝北区要深入推进平安渝北建设。"
    d = find_district(title, body, gazetteer)
    assert (d.name, d.code, d.city) == ("渝北区", "500112", "重庆市")


def test_jiulongpo_is_found(gazetteer: Gazetteer):
    d = find_district("九龙坡区2019年政法工作亮点", "2019年，九龙坡区政法系统各项工作取得新成效。", gazetteer)
    assert d.code == "500107"


def test_chaoyang_in_beijing(gazetteer: Gazetteer):
    body = "北京市朝阳区坚持首都标准，朝阳区平安建设再上台阶。"
    d = find_district("朝阳区2020年平安建设综述", body, gazetteer)
    assert (d.code, d.city) == ("110105", "北京市")


def test_chaoyang_in_changchun(gazetteer: Gazetteer):
    body = "长春市朝阳区坚持高标准，朝阳区平安建设再上台阶。"
    d = find_district("朝阳区2020年平安建设综述", body, gazetteer)
    assert (d.code, d.city) == ("220104", "长春市")


def test_traditional_script_is_normalised_before_lookup(gazetteer: Gazetteer):
    title = normalize("九龍坡區2019年政法工作亮點回顧", True)
    body = normalize("2019年，重慶市九龍坡區政法系統各項工作取得新成效。", True)
    d = find_district(title, body, gazetteer)
    assert (d.name, d.code) == ("九龙坡区", "500107")


def test_a_town_that_shares_a_countys_short_name_is_not_that_county(gazetteer: Gazetteer):
    # 三河镇 is a town of 肥西县 (Anhui); 三河市 is a county-level city of Hebei
    d = find_district("三河镇2024年政府工作报告", "肥西县三河镇全镇上下团结奋进。", gazetteer)
    assert (d.name, d.city) == ("肥西县", "合肥市")


def test_the_byline_tells_apart_two_divisions_of_one_name(gazetteer: Gazetteer):
    title = "朝阳区2023年经济社会发展成绩单出炉"
    body = "2023年朝阳区地区生产总值增长5.2%。朝阳区先后接待长春市朝阳区、上海市浦东新区等地考察团。"
    d = find_district(title, body, gazetteer, furniture="来源：北京市朝阳区人民政府网站")
    assert (d.name, d.city) == ("朝阳区", "北京市")


def test_a_short_name_that_is_a_common_word_names_no_district(gazetteer: Gazetteer):
    title = "惠山公安分局通报2024年上半年全区社会治安形势"
    body = "惠山公安分局坚持打防管控建一体推进。全区公安机关共破获刑事案件1200起，公安工作稳中有进。"
    assert find_district(title, body, gazetteer).name == "惠山区"


def test_a_full_name_that_is_a_common_word_is_that_word_unless_its_city_comes_before(gazetteer: Gazetteer):
    title = "《问政》第一期文字实录：城区排涝工程为何拖了三年？"
    body = "还有十五公里管网因为涉及老城区的房屋征收，一直没能推进。"
    assert find_district(title, body, gazetteer, furniture="来源：鄱阳县融媒体中心").name == "鄱阳县"
    assert find_district(title, "洛阳市老城区召开推进会。", gazetteer).name == "老城区"

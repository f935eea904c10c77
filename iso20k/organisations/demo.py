"""The demo organisation: a Shanghai cloud-services company, three sites, an approved scope."""

from iso20k.accounts.models import User

from . import services
from .choices import ScopeStatus
from .models import ScopeStatement

ORGANISATION = {
    "name_zh_hans": "华信云服务有限公司",
    "name_en": "Huaxin Cloud Services Co., Ltd.",
    "licence_number": "91310115MA1K3Y6D2N",
    "address_zh_hans": "上海市浦东新区张江路 88 号",
    "address_en": "88 Zhangjiang Road, Pudong New Area, Shanghai",
    "website": "https://huaxin-cloud.example",
    "phone": "+86 21 5080 0000",
}
SITES = [
    {
        "name_zh_hans": "上海总部",
        "name_en": "Shanghai headquarters",
        "address_zh_hans": "上海市浦东新区张江路 88 号",
        "address_en": "88 Zhangjiang Road, Shanghai",
        "in_scope": True,
    },
    {
        "name_zh_hans": "苏州数据中心",
        "name_en": "Suzhou data centre",
        "address_zh_hans": "江苏省苏州市工业园区星湖街 328 号",
        "address_en": "328 Xinghu Street, Suzhou",
        "in_scope": True,
    },
    {
        "name_zh_hans": "北京销售办事处",
        "name_en": "Beijing sales office",
        "address_zh_hans": "北京市朝阳区建国路 77 号",
        "address_en": "77 Jianguo Road, Beijing",
        "in_scope": False,
    },
]
SCOPE = {
    "statement_zh_hans": (
        "华信云服务有限公司为企业客户提供云主机托管、托管数据库和 7×24 服务台支持服务"
        "所涉及的服务管理体系，由上海总部和苏州数据中心提供。"
    ),
    "statement_en": (
        "The service management system of Huaxin Cloud Services Co., Ltd. for the managed "
        "cloud hosting, managed database and 24×7 service desk services it provides to business "
        "customers from its Shanghai headquarters and Suzhou data centre."
    ),
    "services_zh_hans": "云主机托管；托管数据库；7×24 服务台",
    "services_en": "Managed cloud hosting; managed databases; 24×7 service desk",
    "boundaries_zh_hans": (
        "北京销售办事处的销售活动不在范围内。机房电力与制冷由外部供应商提供，按供应商管理控制。"
    ),
    "boundaries_en": (
        "Sales activities of the Beijing office are outside the scope. Data-centre power and "
        "cooling come from an external supplier, controlled through supplier management."
    ),
    "change_summary": "首个版本 / First version",
}


def load(actor) -> str:
    organisation = services.current_organisation()
    if organisation is None:
        organisation = services.create_organisation(actor=actor, **ORGANISATION)
        for site in SITES:
            services.add_site(organisation, actor=actor, **site)
    if organisation.scope_statements.filter(status=ScopeStatus.APPROVED).exists():
        return "organisation already present"
    lead = User.objects.get(username="lina")
    top = User.objects.get(username="wangqiang")
    draft = organisation.scope_statements.filter(status=ScopeStatus.DRAFT).first()
    if draft is None:
        draft = services.start_scope_draft(organisation, actor=lead)
    sites = organisation.sites.filter(in_scope=True, is_active=True)
    draft = services.update_scope_draft(
        draft, actor=lead, expected_version=draft.version, sites=sites, **SCOPE
    )
    draft = services.submit_scope(draft, actor=lead, expected_version=draft.version)
    draft = ScopeStatement.objects.get(pk=draft.pk)
    services.approve_scope(
        draft,
        actor=top,
        expected_version=draft.version,
        note="批准 / Approved for the certification programme",
    )
    return "organisation, sites and approved scope created"

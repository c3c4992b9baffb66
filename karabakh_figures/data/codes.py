"""Country and subdivision codes are ISO 3166's, as pycountry ships the standard: a code of the right shape that
names no country ("XX") is caught, and a state lies in the country its row names."""

from .problems import Problem
from .reading import Table

COUNTRY_COLUMN = "country"
#: Columns that hold ISO 3166-2 codes: a state that legislated, a district of Azerbaijan.
SUBDIVISION_COLUMNS = ("subdivision", "iso_3166_2")


def check_codes(table: Table) -> list[Problem]:
    """Every country code is an ISO 3166-1 alpha-2 code, every subdivision code an ISO 3166-2 code, and a
    subdivision lies in the row's country."""
    columns = [column for column in (COUNTRY_COLUMN, *SUBDIVISION_COLUMNS) if column in table.header]
    if not columns:
        return []
    import pycountry  # its database is read only where a table has codes to check

    problems = []
    for row, record in table.records():
        country = record.get(COUNTRY_COLUMN, "")
        if country and pycountry.countries.get(alpha_2=country) is None:
            problems.append(Problem(str(table.path), row, COUNTRY_COLUMN, country,
                                    "not an ISO 3166-1 alpha-2 country code (pycountry's list of ISO 3166)"))
            country = ""  # one mistake, one line: the row's subdivision is not then said to lie elsewhere
        for column in SUBDIVISION_COLUMNS:
            code = record.get(column, "")
            if not code:
                continue
            if pycountry.subdivisions.get(code=code) is None:
                problems.append(Problem(str(table.path), row, column, code,
                                        "not an ISO 3166-2 subdivision code (pycountry's list of ISO 3166)"))
            elif country and not code.startswith(f"{country}-"):
                problems.append(Problem(str(table.path), row, column, code,
                                        f"a subdivision of {code.split('-')[0]}, not of the row's country {country}"))
    return problems

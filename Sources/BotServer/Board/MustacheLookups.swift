import Mustache

// swift-mustache finds a `{{name}}` on a plain value by reflecting every stored property on every
// lookup; a list page of 30 rows spent three quarters of its time there (perf, 100,000 items).
// The views that pages render many times answer by name instead.

extension ItemRowView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "id": id
        case "href": href
        case "kind": kind
        case "status": status
        case "statusCode": statusCode
        case "category": category
        case "place": place
        case "grid": grid
        case "text": text
        case "reporter": reporter
        case "claimant": claimant
        case "created": created
        case "due": due
        case "closed": closed
        case "overdue": overdue
        case "wishMark": wishMark
        default: nil
        }
    }
}

extension PlaceView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "hasAny": hasAny
        case "estate": estate
        case "building": building
        case "unit": unit
        case "room": room
        case "landmark": landmark
        default: nil
        }
    }
}

extension BoardPage: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "chrome": chrome
        case "page": page
        default: nil
        }
    }
}

extension PageChrome: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "userName": userName
        case "roleLabel": roleLabel
        case "gridName": gridName
        case "csrf": csrf
        case "nav": nav
        case "notice": notice
        case "noticeIsError": noticeIsError
        case "openReviews": openReviews
        default: nil
        }
    }
}

extension NavLink: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "href": href
        case "label": label
        case "active": active
        case "badge": badge
        default: nil
        }
    }
}

extension FormOption: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "value": value
        case "label": label
        case "selected": selected
        default: nil
        }
    }
}

extension ItemListController.SortLink: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "label": label
        case "href": href
        case "active": active
        default: nil
        }
    }
}

extension ItemListController.ListView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "rows": rows
        case "total": total
        case "page": page
        case "pages": pages
        case "previous": previous
        case "next": next
        case "csv": csv
        case "statuses": statuses
        case "kinds": kinds
        case "categories": categories
        case "grids": grids
        case "estates": estates
        case "sorts": sorts
        case "estate": estate
        case "reporter": reporter
        case "claimant": claimant
        case "from": from
        case "to": to
        case "text": text
        case "overdue": overdue
        case "isEmpty": isEmpty
        default: nil
        }
    }
}

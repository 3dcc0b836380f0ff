package uk.signpost.web;

import java.util.LinkedHashSet;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;

import uk.signpost.demo.DemoDirectory;
import uk.signpost.directory.DirectorySummary;
import uk.signpost.geo.Gazetteer;
import uk.signpost.staff.Staff;

/**
 * What every page's frame shows, whichever feature's controller rendered it (error pages
 * too): how many services the person keeps, for "Your list (n)", the ids kept, so a card
 * says "In your list", and the attribution the official postcode and place files in use
 * require, in the footer, and which item of the navigation is the page itself (marked
 * aria-current="page"). An interceptor on every request, so a new feature's pages cannot
 * be left out (WebConfiguration registers it).
 */
@Component
class PageFrame implements HandlerInterceptor {

	private final Gazetteer gazetteer;

	private final DirectorySummary.Reader directory;

	private final ObjectProvider<JavaMailSender> mail;

	PageFrame(Gazetteer gazetteer, DirectorySummary.Reader directory, ObjectProvider<JavaMailSender> mail) {
		this.gazetteer = gazetteer;
		this.directory = directory;
		this.mail = mail;
	}

	@Override
	public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
			ModelAndView page) {
		if (page == null || (page.getViewName() != null && page.getViewName().startsWith("redirect:"))) {
			return;
		}
		var kept = YourList.read(request);
		page.addObject("listSize", kept.size());
		page.addObject("listIds", new LinkedHashSet<>(kept));
		page.addObject("attribution", this.gazetteer.attribution());
		// The phase banner says the demo directory is made up only while it is loaded.
		page.addObject("demoDirectory", DemoDirectory.loaded(this.directory.publisherIds()));
		page.addObject("navigation", navigation(request.getRequestURI().substring(request.getContextPath().length())));
		// In the workspace, its own navigation and who is signed in, and a warning on
		// every
		// page while nothing can be emailed (no spring.mail.host).
		Staff staff = Staff.current(request);
		page.addObject("staff", staff);
		page.addObject("noMail", staff != null && this.mail.getIfAvailable() == null);
	}

	/**
	 * The navigation item that is this page, for the layout to mark: "search", "browse"
	 * (the start page, where the needs to browse are) or "list", or a workspace section
	 * ("reports"); null for any other.
	 */
	static String navigation(String path) {
		return switch (path) {
			case "/search" -> "search";
			case "/" -> "browse";
			case "/list" -> "list";
			// A workspace section and the pages in it: /manage/reports/12 is in
			// "reports".
			default -> path.startsWith("/manage/") ? path.substring("/manage/".length()).split("/", 2)[0] : null;
		};
	}

}

package uk.signpost.staff;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.context.support.MessageSourceAccessor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The sign-in page (Spring Security takes the form's post) and the workspace's home page,
 * which lists what the signed-in person's role may use.
 */
@Controller
class SignInController {

	private final StaffSecurity security;

	private final MessageSourceAccessor text;

	SignInController(StaffSecurity security, MessageSource messages) {
		this.security = security;
		this.text = new MessageSourceAccessor(messages);
	}

	@GetMapping(StaffSecurity.SIGN_IN)
	String signIn(HttpServletRequest request, Model model) {
		// ?error and ?signed-out carry no value: only whether they are there counts.
		boolean error = request.getParameterMap().containsKey("error");
		boolean signedOut = request.getParameterMap().containsKey("signed-out");
		if (Staff.current(request) != null) {
			return "redirect:/manage";
		}
		String typed = null;
		var session = request.getSession(false);
		if (session != null) {
			typed = (String) session.getAttribute(StaffSecurity.TYPED_EMAIL);
			session.removeAttribute(StaffSecurity.TYPED_EMAIL);
		}
		model.addAttribute("page",
				new SignInPage(error, signedOut, error ? typed : null, this.security.providers(), this.text));
		return "sign-in";
	}

	/**
	 * A page the person's role may not open (StaffSecurity's refusals forward here, as
	 * 403).
	 */
	@RequestMapping(StaffSecurity.FORBIDDEN)
	String forbidden(HttpServletResponse response) {
		response.setStatus(HttpServletResponse.SC_FORBIDDEN);
		return "manage/forbidden";
	}

	@GetMapping("/manage")
	String home(HttpServletRequest request, Model model) {
		model.addAttribute("staff", Staff.current(request));
		return "manage/home";
	}

}
